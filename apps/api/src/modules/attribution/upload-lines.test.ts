import { describe, expect, it } from 'vitest';
import { uploadLines } from './upload-lines.js';

async function collect(chunks: Array<Buffer | string>, maxLineLength?: number): Promise<string[]> {
  const lines: string[] = [];
  async function* body(): AsyncGenerator<Buffer | string> {
    yield* chunks;
  }
  for await (const line of uploadLines(body(), maxLineLength)) lines.push(line);
  return lines;
}

describe('uploadLines', () => {
  it('splits lines across chunk boundaries and keeps the last line without a line break', async () => {
    expect(await collect(['path;a', 'b\nx;1', ';2;0\r\n', 'y;1;1;0'])).toEqual(['path;ab', 'x;1;2;0\r', 'y;1;1;0']);
  });

  it('decodes a UTF-8 character split between two chunks', async () => {
    const bytes = Buffer.from('café > ümlaut\n');
    expect(await collect([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['café > ümlaut']);
  });

  it('refuses a line longer than the cap, naming its line number', async () => {
    const lines = collect(['header\n', 'x'.repeat(40), 'y'.repeat(40)], 64);
    await expect(lines).rejects.toMatchObject({ code: 'BAD_USER_INPUT', options: { details: { line: 2 } } });
  });
});
