import type { BuiltinFinding } from '../codes.js';

import { CATEGORIES, type Category } from './analysis/dictionary-schema.js';
import { applies, describeLocation, FilePlaces, findItem } from './analysis/dictionary-match.js';
import { exportEvidence, SIBLING_PROPERTIES, type SiblingOptions } from './analysis/slots.js';
import { defineBuiltinCheck } from '../codes.js';
import { PORT1_MESSAGES } from './port1-messages.js';
import { maskDigits } from '../../util/redact.js';

interface Options extends SiblingOptions {
  /** Categories the dictionary must cover (default: health_data and correspondents, PORT 1's wording). */
  require_categories?: Category[];
}

/** Findings of one kind listed in detail; the rest are counted. */
const MAX_LISTED = 20;

/**
 * PORT 1 data dictionary: valid against its schema (docs/data-dictionary.md), covering health data
 * and correspondents, every item found with a value in the export sample, and every place of the
 * export that holds data located by some item (otherwise a warning: undocumented).
 */
export const exportDictionary = defineBuiltinCheck<Options>({
  name: 'export-dictionary',
  messages: PORT1_MESSAGES,
  description: 'The data dictionary is valid, covers the required categories, locates items that hold values in the export sample, and leaves no exported place undocumented.',
  descriptionFr: 'Le dictionnaire de données est valide, couvre les catégories exigées, situe dans l’échantillon d’export les données qui portent des valeurs et ne laisse aucun emplacement exporté sans description.',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...SIBLING_PROPERTIES,
      require_categories: { type: 'array', items: { type: 'string', enum: [...CATEGORIES] }, uniqueItems: true, nullable: true },
    },
  },
  async run(ctx) {
    const { slot } = ctx;
    const { analysis, sample } = await exportEvidence(ctx, 'dictionary');
    const file = ctx.files[0]!.path;
    const load = analysis.dictionary!;
    const findings: BuiltinFinding[] = [];
    if (!load.ok) {
      for (const p of load.problems.slice(0, MAX_LISTED)) {
        findings.push({
          code: 'export.dictionary.invalid',
          severity: 'error',
          slot,
          file,
          ...(p.line !== undefined ? { line: p.line } : {}),
          ...(p.column !== undefined ? { column: p.column } : {}),
          params: { file, ...(p.subject ? { subject: p.subject } : {}), what_en: p.what.en, what_fr: p.what.fr },
        });
      }
      return { findings };
    }
    const items = load.items;
    for (const category of ctx.options.require_categories ?? ['health_data', 'correspondents']) {
      if (!items.some((i) => i.category === category)) findings.push({ code: 'export.dictionary.category-missing', severity: 'error', slot, file, params: { category } });
    }
    if (sample.length === 0) {
      findings.push({ code: 'export.dictionary.not-verified', severity: 'warning', slot, file, params: { reason: 'no-sample' } });
      return { findings };
    }
    const readable = analysis.files.filter((f) => f.format !== undefined);
    const places = readable.map((fa) => new FilePlaces(fa));
    const partial = analysis.files.some((f) => f.refusal !== undefined || !f.complete || f.pathsTruncated);
    const missing: BuiltinFinding[] = [];
    for (const item of items) {
      const r = findItem(item, places);
      if (r === 'found') continue;
      missing.push({
        code: 'export.dictionary.item-not-found',
        severity: 'error',
        slot,
        file,
        ...(item.line !== undefined ? { line: item.line } : {}),
        ...(item.column !== undefined ? { column: item.column } : {}),
        params: { name: item.name, location: item.locations.map(describeLocation).join(' | '), reason: r },
      });
    }
    if (missing.length > 0 && analysis.files.some((f) => f.pathsTruncated)) {
      // Past the cap on places, an item may sit where nothing was recorded: a limit is never a pass.
      findings.push({ code: 'export.dictionary.not-verified', severity: 'error', status: 'error', slot, file, params: { reason: 'places-truncated', count: missing.length } });
    } else if (missing.length > 0 && partial) {
      // A sample that could not be read in full cannot prove an item absent.
      findings.push({ code: 'export.dictionary.not-verified', severity: 'warning', slot, file, params: { reason: 'sample-incomplete', count: missing.length } });
    } else findings.push(...missing);

    const locations = items.flatMap((i) => i.locations);
    const undocumented: BuiltinFinding[] = [];
    for (const p of places) {
      const path = p.fa.file.path;
      const mine = locations.filter((l) => {
        const a = applies(l, p.fa);
        return a.file && a.format;
      });
      if (p.fa.csv) {
        p.fa.csv.columns.forEach((column, i) => {
          if (!p.fa.csv!.nonEmpty[i] || mine.some((l) => l.column === column)) return;
          undocumented.push({ code: 'export.dictionary.undocumented', severity: 'warning', slot, file: path, line: 1, params: { file: path, column: maskDigits(column) } });
        });
      }
      for (const leaf of p.leaves) {
        if (mine.some((l) => p.covers(l, leaf))) continue;
        const shown = maskDigits(leaf.scoped !== '' ? `${leaf.path} (${leaf.scoped})` : leaf.path);
        undocumented.push({ code: 'export.dictionary.undocumented', severity: 'warning', slot, file: path, pointer: maskDigits(leaf.path), params: { file: path, path: shown } });
      }
      if (p.fa.pathsTruncated) findings.push({ code: 'export.dictionary.paths-truncated', severity: 'info', slot, file: path, params: { file: path } });
    }
    findings.push(...undocumented.slice(0, MAX_LISTED));
    if (undocumented.length > MAX_LISTED) {
      findings.push({ code: 'export.dictionary.undocumented-more', severity: 'info', slot, params: { count: undocumented.length - MAX_LISTED } });
    }
    return { findings };
  },
});
