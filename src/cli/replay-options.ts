import path from 'node:path';
import { readTrustedKey, type TrustedKey } from '../audit/signature.js';
import { UserInputError, t2 } from '../diagnostics/user-input-error.js';
import { displayPath } from '../manifest/load.js';
import type { CliIo } from './io.js';
import type { Localized } from '../report/report.js';

/** The options of `replay` that depend on what it is given (a report, or a bag). */
interface BagOptions {
  root?: string;
  expectSeal?: string;
  trust?: string[];
}

function usage(option: string, message: Localized, hint: Localized): UserInputError {
  return new UserInputError({ code: 'usage', file: 'command line', subject: option, message, hint });
}

/** The `--trust` keys, read (exit 2 for a bad key file); `--expect-seal` checked to be a SHA-256. */
export function trustedKeys(opts: BagOptions, io: CliIo): TrustedKey[] {
  if (opts.expectSeal !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectSeal)) {
    throw usage(
      '--expect-seal',
      t2('is not a SHA-256 (64 hexadecimal digits).', "n’est pas un SHA-256 (64 chiffres hexadécimaux)."),
      t2('Give the seal pack printed: "seal (sha256 of tagmanifest-sha256.txt)".', 'Indiquez le sceau affiché par pack\u00a0: « sceau (sha256 de tagmanifest-sha256.txt) ».'),
    );
  }
  return (opts.trust ?? []).map((file) => {
    const abs = path.resolve(io.cwd, file);
    return readTrustedKey(abs, displayPath(abs, io.cwd));
  });
}

/** Exit 2 for an option that does not apply: `--root` to a bag, `--expect-seal` and `--trust` to a JSON report. */
export function refuseOptions(opts: BagOptions, isBag: boolean): void {
  if (isBag && opts.root !== undefined) {
    throw usage('--root', t2('does not apply to a bag: a bag is replayed from its data/ folder.', "ne s’applique pas à une archive\u00a0: une archive est rejouée depuis son dossier data/."), t2('Remove --root.', 'Retirez --root.'));
  }
  if (isBag) return;
  for (const [given, option] of [[opts.expectSeal, '--expect-seal'], [opts.trust?.[0], '--trust']] as const) {
    if (given !== undefined) {
      throw usage(
        option,
        t2('applies to a bag only: a JSON report has no seal and no signature.', "ne s’applique qu’à une archive\u00a0: un rapport JSON n’a ni sceau ni signature."),
        t2('Replay the bag made by `dmn-check pack`, or remove the option.', 'Rejouez l’archive faite par `dmn-check pack`, ou retirez l’option.'),
      );
    }
  }
}
