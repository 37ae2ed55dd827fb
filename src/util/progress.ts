/**
 * How far a long run has got, for a progress line (the CLI shows it on a terminal's stderr). Events
 * carry counts only: never a file name or anything read from evidence.
 */
export interface ProgressEvent {
  /**
   * `open`: evidence files opened and hashed; `evaluate`: requirements judged; `read`: screens and
   * documents read; `stream`: bytes of a large file (an export) streamed so far, of `total`.
   */
  phase: 'open' | 'evaluate' | 'read' | 'stream';
  done: number;
  total?: number;
  /** The requirement being judged (`IEU 8`). */
  label?: string;
}

export type OnProgress = (event: ProgressEvent) => void;
