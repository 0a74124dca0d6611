import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
let receiver: WebhookReceiver | undefined;

interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Runs a command the way `pnpm stripe:<name>` does (tsx with the source condition), collecting its output. */
function run(script: string, args: string[]): Running {
  const child = spawn(process.execPath, [tsxCli, '--conditions=source', `src/cli/${script}`, ...args], {
    cwd: packageDir,
  });
  children.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    child,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = output.match(pattern);
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} in output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
  };
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGINT');
  await receiver?.close();
});

describe('command line', () => {
  it('starts the emulator, forwards deliveries with stripe:listen, and runs stripe:trigger', async () => {
    const emulator = run('emulator-cli.ts', ['--port', '0']);
    const [, baseUrl] = await emulator.waitFor(/ready at (http:\/\/\S+)/);
    const [, secret] = await emulator.waitFor(/STRIPE_WEBHOOK_SECRET=(whsec_\S+)/);
    expect(emulator.output()).toMatch(/STRIPE_SECRET_KEY=sk_test_\S+/);
    expect(emulator.output()).toMatch(/STRIPE_PRICE_ID_PRO=price_\S+/);
    expect(emulator.output()).toMatch(/STRIPE_PRICE_ID_SCALE=price_\S+/);

    receiver = await startWebhookReceiver(secret ?? '');
    const listener = run('listen-cli.ts', ['--forward-to', receiver.url, '--api-base', baseUrl ?? '']);
    const [, listenSecret] = await listener.waitFor(/signing secret is (whsec_\S+)/);
    expect(listenSecret).toBe(secret);

    const trigger = run('trigger-cli.ts', ['customer.subscription.created', '--api-base', baseUrl ?? '']);
    expect(await trigger.exited).toBe(0);
    expect(trigger.output()).toContain('Trigger succeeded!');
    await receiver.waitFor((all) => all.some((r) => r.event.type === 'customer.subscription.created'));
    expect(receiver.rejected).toEqual([]);
    await listener.waitFor(/<--\s+\[200\] POST \S+ \[evt_\w+\]/);

    const unknown = run('trigger-cli.ts', ['charge.refunded', '--api-base', baseUrl ?? '']);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output()).toContain('No trigger fixture for charge.refunded');
  });
});
