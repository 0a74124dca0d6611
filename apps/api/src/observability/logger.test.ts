import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('never writes cookies, Authorization headers or secrets', () => {
    const lines: string[] = [];
    const log = createLogger('info', { write: (line: string) => lines.push(line) });
    log.info(
      {
        req: { headers: { cookie: 'aa_session=abc', authorization: 'Bearer aa_key_secret', 'user-agent': 'curl' } },
        res: { headers: { 'set-cookie': 'aa_session=abc' } },
        input: { password: 'hunter2hunter2' },
      },
      'request',
    );
    const written = lines.join('');
    expect(written).not.toMatch(/abc|aa_key_secret|hunter2/);
    expect(JSON.parse(written).req.headers['user-agent']).toBe('curl');
  });
});
