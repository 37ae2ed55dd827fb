import { promises as fsp } from 'node:fs';

/** One line of a text file read as a stream: its number, its text, or its first bytes when it is too long. */
export type StreamedLine = { line: number; text: string } | { line: number; tooLong: true; head: string } | { line: number; overBytes: true };

/**
 * The lines of a file (LF, CRLF or CR ends), read 64 KiB at a time: at most `maxLineBytes` of a line
 * are held, and reading stops after `maxBytes` with an `overBytes` line. A hostile manifest of a
 * million lines costs one chunk of memory, not the whole file and its split.
 */
export async function* textLines(absPath: string, maxLineBytes: number, maxBytes: number): AsyncGenerator<StreamedLine> {
  const handle = await fsp.open(absPath, 'r');
  try {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let pieces: Buffer[] = [];
    let held = 0;
    let tooLong = false;
    let head = Buffer.alloc(0);
    let line = 1;
    let read = 0;
    let afterCr = false;
    const take = (): StreamedLine => {
      const out: StreamedLine = tooLong ? { line, tooLong: true, head: head.toString('utf8') } : { line, text: Buffer.concat(pieces, held).toString('utf8') };
      pieces = [];
      held = 0;
      tooLong = false;
      line++;
      return out;
    };
    const hold = (part: Buffer): void => {
      if (tooLong) return;
      if (held + part.length > maxLineBytes) {
        tooLong = true;
        head = Buffer.concat([...pieces, part]).subarray(0, 120);
        pieces = [];
        held = 0;
      } else {
        pieces.push(Buffer.from(part));
        held += part.length;
      }
    };
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > maxBytes) {
        yield { line, overBytes: true };
        return;
      }
      const data = chunk.subarray(0, bytesRead);
      let at = 0;
      // where the next CR is (-1: none in the rest of the chunk), found once, not once per line
      let cr = -2;
      while (at < data.length) {
        if (afterCr && data[at] === 0x0a) at++; // the LF of a CRLF
        afterCr = false;
        if (cr !== -1 && cr < at) cr = data.indexOf(0x0d, at);
        const lf = data.indexOf(0x0a, at);
        const endAt = Math.min(lf < 0 ? data.length : lf, cr < 0 ? data.length : cr);
        hold(data.subarray(at, endAt));
        if (endAt === data.length) break;
        afterCr = data[endAt] === 0x0d;
        at = endAt + 1;
        yield take();
      }
    }
    if (held > 0 || tooLong) yield take();
  } finally {
    await handle.close();
  }
}
