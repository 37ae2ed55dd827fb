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
