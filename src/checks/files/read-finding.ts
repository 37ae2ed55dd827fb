import { builtinFinding, type BuiltinFinding, type FindingCode, type ParamsOfCode } from '../codes.js';
import type { ReadProblem } from '../../evidence/read/reader.js';

/** The finding code of each reading problem (worded in read-messages.ts). */
/** The codes of reading problems. */
type ReadCode = Extract<FindingCode, `read.${string}`>;

const CODES: Record<ReadProblem, { code: ReadCode; status: 'failed' | 'error' }> = {
  'too-many-pixels': { code: 'read.too-many-pixels', status: 'failed' },
  'too-large': { code: 'read.too-large', status: 'failed' },
  'too-many-pages': { code: 'read.too-many-pages', status: 'failed' },
  'too-long': { code: 'read.too-long', status: 'failed' },
  corrupt: { code: 'read.corrupt', status: 'failed' },
  encrypted: { code: 'read.encrypted', status: 'failed' },
  timeout: { code: 'read.timeout', status: 'error' },
  failed: { code: 'read.failed', status: 'error' },
  // Callers skip kinds no reader handles; should one get here, it is a reading that could not be done.
  unsupported: { code: 'read.failed', status: 'error' },
};

/**
 * A file that could not be read: `failed` when it is no usable proof (a bomb, corrupt, encrypted),
 * `error` when the reading could not be done (a timeout, a reader failure).
 */
export function readProblemFinding(problem: ReadProblem, params: ParamsOfCode<ReadCode>, slot: string, file: string): BuiltinFinding {
  const { code, status } = CODES[problem];
  return builtinFinding({ code, severity: 'error', status, slot, file, params: { ...params } });
}
