import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textLines, type StreamedLine } from '../../src/audit/text-lines.js';
import { scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function lines(content: string | Buffer, maxLine = 1000, maxBytes = 1_000_000): Promise<StreamedLine[]> {
  const s = scratch('dmn-lines-');
  cleanups.push(s.done);
  const file = path.join(s.dir, 'f.txt');
  writeFileSync(file, content);
  const out: StreamedLine[] = [];
  for await (const l of textLines(file, maxLine, maxBytes)) out.push(l);
  return out;
}

describe('textLines: a text file a line at a time, within bounds', () => {
  it('splits on LF, CRLF and CR like a split would, the last line with or without its end', async () => {
    expect(await lines('a\nb\r\nc\rd')).toEqual([{ line: 1, text: 'a' }, { line: 2, text: 'b' }, { line: 3, text: 'c' }, { line: 4, text: 'd' }]);
    expect(await lines('a\n\nb\n')).toEqual([{ line: 1, text: 'a' }, { line: 2, text: '' }, { line: 3, text: 'b' }]);
    expect(await lines('')).toEqual([]);
  });

  it('keeps lines, CRLF pairs and UTF-8 characters whole across 64 KiB chunks', async () => {
    // 65,535 bytes, then the CR as the chunk's last byte and its LF as the next chunk's first
    const first = `${'é'.repeat(32 * 1024 - 1)}x`;
    // an é cut in two by the end of the second chunk
    const second = `a${'é'.repeat(40_000)}`;
    expect(await lines(`${first}\r\n${second}\nthird`, 100_000)).toEqual([{ line: 1, text: first }, { line: 2, text: second }, { line: 3, text: 'third' }]);
  });

  it('gives a line over the bound as its first bytes, and stops past the byte bound', async () => {
    expect(await lines(`${'x'.repeat(50)}\nok\n`, 10)).toEqual([{ line: 1, tooLong: true, head: 'x'.repeat(50) }, { line: 2, text: 'ok' }]);
    const many = await lines('line\n'.repeat(100_000), 100, 100_000);
    expect(many.at(-1)).toEqual({ line: expect.any(Number) as number, overBytes: true });
    expect(many.length).toBeLessThan(20_000);
  });
});
