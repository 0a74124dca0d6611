import { describe, expect, it } from 'vitest';
import { twoTestApps, type TestApp } from '../../test/harness.js';
import { TestClock } from '../../test/test-clock.js';

// 1,000 an hour: large enough that a busy address takes leases of up to 10 requests per statement.
const CAPACITY = 1000;
const ENV = { TRUST_PROXY: 'loopback', RATE_LIMIT_ANONYMOUS: `${CAPACITY}/1h` };
const clock = new TestClock();
const apps = twoTestApps({ env: ENV, clock });

async function call(app: TestApp, address: string): Promise<{ status: number; remaining: number }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await response.arrayBuffer();
  const remaining = Number(/r=(\d+)/.exec(response.headers.get('ratelimit') ?? '')?.[1] ?? NaN);
  return { status: response.status, remaining };
}

describe('rate-limit leases', () => {
  it('never grants more than the limit across two instances, and loses at most one lease per instance', async () => {
    const address = '203.0.113.7';
    const statuses: number[] = [];
    const worker = async (index: number) => {
      for (let i = 0; i < 150; i++) statuses.push((await call(index % 2 ? apps.one : apps.two, address)).status);
    };
    await Promise.all(Array.from({ length: 8 }, (_, index) => worker(index)));

    const granted = statuses.filter((status) => status === 200).length;
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(granted).toBeLessThanOrEqual(CAPACITY);
    // Up to 10 requests a lease, one lease per instance may be left unspent when the bucket runs dry.
    expect(granted).toBeGreaterThanOrEqual(CAPACITY - 2 * 10);
  });

  it('counts down the requests an address has left, lease or not', async () => {
    const address = '203.0.113.8';
    const remaining: number[] = [];
    for (let i = 0; i < 30; i++) remaining.push((await call(apps.one, address)).remaining);
    expect(remaining[0]).toBe(CAPACITY - 1);
    expect(remaining.at(-1)).toBe(CAPACITY - 30);
    expect(remaining).toEqual([...remaining].sort((a, b) => b - a));
  });
});
