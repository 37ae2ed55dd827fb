import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
import { unreadable } from '../diagnostics/input-file.js';
import { readGridTemplate, type GridTemplate } from '../formatters/xlsx/grid-template.js';
import { displayPath } from '../manifest/load.js';
import { readZipEntries, ZipError } from '../audit/zip.js';
import type { Ruleset } from '../ruleset/types.js';
import type { CliIo } from './io.js';
import type { OutputRequest } from './outputs.js';

/** The official grid is about 100 kB; a template far larger is not it (and is not read into memory). */
const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
/** What its entries may inflate to, declared sizes summed, before exceljs reads them (a zip bomb stops here). */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 1000;

function invalid(file: string, worded: ReturnType<typeof both>): UserInputError {
  return new UserInputError({ code: 'grid-template.invalid', file, ...worded });
}

/**
 * `--grid-template FILE`: only with `--format xlsx`; the file is read whole (bounded), its zip
 * directory checked for size, then its sheet checked against the official layout and the ruleset.
 */
export async function loadGridTemplate(file: string, requests: readonly OutputRequest[], ruleset: Ruleset, io: CliIo): Promise<GridTemplate> {
  if (!requests.some((r) => r.format === 'xlsx')) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--grid-template',
      ...both(CLI_TEXT.gridWithoutXlsx, {}),
    });
  }
  const abs = path.resolve(io.cwd, file);
  const shown = displayPath(abs, io.cwd);
  const st = await fsp.stat(abs).catch((err: unknown) => {
    throw unreadable(shown, err, 'grid-template');
  });
  if (!st.isFile()) throw unreadable(shown, Object.assign(new Error('not a file'), { code: st.isDirectory() ? 'EISDIR' : 'EINVAL' }), 'grid-template');
  if (st.size > MAX_TEMPLATE_BYTES) {
    throw invalid(shown, both(CLI_TEXT.gridTooLarge, { bytes: st.size }));
  }
  let entries;
  try {
    entries = await readZipEntries(abs);
  } catch (err) {
    if (!(err instanceof ZipError)) throw unreadable(shown, err, 'grid-template');
    throw invalid(shown, both(CLI_TEXT.gridNotZip, {}));
  }
  const inflated = entries.reduce((n, e) => n + e.size, 0);
  if (entries.length > MAX_ENTRIES || inflated > MAX_INFLATED_BYTES) {
    throw invalid(shown, both(CLI_TEXT.gridInflates, { bytes: inflated, entries: entries.length }));
  }
  const bytes = await fsp.readFile(abs).catch((err: unknown) => {
    throw unreadable(shown, err, 'grid-template');
  });
  return readGridTemplate(new Uint8Array(bytes), shown, ruleset);
}
