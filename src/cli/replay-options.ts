import path from 'node:path';
import { readTrustedKey, type TrustedKey } from '../audit/signature.js';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { REPLAY_TEXT } from './messages-replay.js';
import { displayPath } from '../manifest/load.js';
import type { CliIo } from './io.js';

/** The options of `replay` that depend on what it is given (a report, or a bag). */
interface BagOptions {
  root?: string;
  expectSeal?: string;
  trust?: string[];
}

function usage(option: string, problem: MessageDef<never>): UserInputError {
  return new UserInputError({ code: 'usage', file: 'command line', subject: option, ...both(problem, {}) });
}

/** The `--trust` keys, read (exit 2 for a bad key file); `--expect-seal` checked to be a SHA-256. */
export function trustedKeys(opts: BagOptions, io: CliIo): TrustedKey[] {
  if (opts.expectSeal !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectSeal)) {
    throw usage('--expect-seal', REPLAY_TEXT.notASha256);
  }
  return (opts.trust ?? []).map((file) => {
    const abs = path.resolve(io.cwd, file);
    return readTrustedKey(abs, displayPath(abs, io.cwd));
  });
}

/** Exit 2 for an option that does not apply: `--root` to a bag, `--expect-seal` and `--trust` to a JSON report. */
export function refuseOptions(opts: BagOptions, isBag: boolean): void {
  if (isBag && opts.root !== undefined) {
    throw usage('--root', REPLAY_TEXT.rootToBag);
  }
  if (isBag) return;
  for (const [given, option] of [[opts.expectSeal, '--expect-seal'], [opts.trust?.[0], '--trust']] as const) {
    if (given !== undefined) {
      throw usage(option, REPLAY_TEXT.bagOnly);
    }
  }
}
