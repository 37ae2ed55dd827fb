import type { EvidenceFile, OpenResult } from '../evidence/evidence-file.js';
import type { EvidenceReader } from '../evidence/read/reader.js';
import type { OnProgress } from '../util/progress.js';

/** The reader, telling `onProgress` each time a file has been read. */
export function counted(reader: EvidenceReader | undefined, onProgress: OnProgress | undefined): EvidenceReader | undefined {
  if (!reader || !onProgress) return reader;
  let done = 0;
  return {
    get ocrWorkersStarted() {
      return reader.ocrWorkersStarted;
    },
    read: async (file) => {
      try {
        return await reader.read(file);
      } finally {
        onProgress({ phase: 'read', done: ++done });
      }
    },
    canRead: (kind) => reader.canRead(kind),
    close: () => reader.close(),
  };
}

/** Files smaller than this are streamed too fast for a progress line to matter. */
const STREAMED_BYTES = 8 * 1024 * 1024;

/** `file`, telling `onProgress` how many of its bytes each full pass (`chunks()`) has streamed. */
function streamed(file: EvidenceFile, onProgress: OnProgress): EvidenceFile {
  return {
    path: file.path,
    absPath: file.absPath,
    ...(file.identity !== undefined ? { identity: file.identity } : {}),
    bytes: file.bytes,
    kind: file.kind,
    mime: file.mime,
    head: file.head,
    async *chunks() {
      let done = 0;
      for await (const chunk of file.chunks()) {
        done += chunk.length;
        onProgress({ phase: 'stream', done, total: file.bytes });
        yield chunk;
      }
    },
    sha256: () => file.sha256(),
    text: (maxBytes) => file.text(maxBytes),
  };
}

/**
 * The opened evidence, with every large file telling `onProgress` the bytes it streams (an export of
 * gigabytes takes minutes): one wrapper a file, so that checks sharing work on a file still see one.
 */
export function withStreamProgress<K>(opened: ReadonlyMap<K, OpenResult>, onProgress: OnProgress | undefined): ReadonlyMap<K, OpenResult> {
  if (!onProgress) return opened;
  const out = new Map<K, OpenResult>();
  for (const [ref, o] of opened) out.set(ref, o.ok && o.file.bytes >= STREAMED_BYTES ? { ...o, file: streamed(o.file, onProgress) } : o);
  return out;
}
