import { loadDictionary } from './dictionary.js';
import { availableParallelism } from 'node:os';
import { IdleProbe, RecordPool, defaultWorkerCount } from './pool.js';
import { type ProcessorConfig } from './record-processor.js';
import { loadSchema } from './schema-load.js';
import { emptyAnalysis, planFile, type AnalysisInput, type ExportAnalysis, type FileAnalysis } from './export-plan.js';
import { Leaves } from './batch-merge.js';
import { readCsv, readXml } from './text-exports.js';
import { readDocument } from './json-document.js';
import { readLines, type OnRead } from './ndjson-records.js';

export { planFile } from './export-plan.js';
export type { AnalysisInput, ExportAnalysis, ExportFormat, FileAnalysis, ReadProblem, Refusal } from './export-plan.js';

/** JSON files smaller than this are processed inline: starting threads would cost more. */
const WORKER_THRESHOLD = 8 * 1024 * 1024;
/**
 * A large JSON file that the load average gives no worker is read on one thread for this many
 * bytes while the cores' idle time is measured; then the workers the idle cores allow start.
 */
const PROBE_BYTES = 16 * 1024 * 1024;
export async function analyseExport(input: AnalysisInput): Promise<ExportAnalysis> {
  const dictionary = input.dictionary ? await loadDictionary(input.dictionary) : undefined;
  const schema = input.schema ? await loadSchema(input.schema) : undefined;
  const walk = dictionary?.ok === true;
  const config: ProcessorConfig = { walk, ...(schema?.ok ? { schema: schema.schema } : {}) };
  const validators = schema?.ok ? schema.validators : undefined;
  const plans = input.sample.map((f) => planFile(f));
  // Small JSON files share one inline processor; a large one gets its own worker threads, or, when
  // the load average leaves it none, its own pool that starts them once the cores are found idle.
  let inline: RecordPool | undefined;
  const poolFor = (bytes: number): { pool: RecordPool; onRead: OnRead } => {
    const n = input.workers ?? (bytes < WORKER_THRESHOLD ? 0 : defaultWorkerCount());
    if (n > 0) return { pool: new RecordPool(config, n, input.workerUrl, validators), onRead: undefined };
    if (input.workers !== undefined || bytes < 2 * PROBE_BYTES || availableParallelism() < 2) {
      return { pool: (inline ??= new RecordPool(config, 0, undefined, validators)), onRead: undefined };
    }
    const pool = new RecordPool(config, 0, undefined, validators);
    const probe = new IdleProbe();
    let read = 0;
    const onRead = (size: number): void => {
      if (read >= PROBE_BYTES) return;
      read += size;
      if (read >= PROBE_BYTES) pool.grow(probe.workers(), input.workerUrl);
    };
    return { pool, onRead };
  };
  const files: FileAnalysis[] = [];
  try {
    for (let i = 0; i < input.sample.length; i++) {
      const file = input.sample[i]!;
      const plan = plans[i]!;
      const fa = emptyAnalysis(file);
      files.push(fa);
      if ('refusal' in plan) {
        fa.refusal = plan.refusal;
        continue;
      }
      fa.format = plan.format;
      if (plan.format === 'csv') await readCsv(file, fa);
      else if (plan.format === 'xml') await readXml(file, fa);
      else {
        fa.validated = validators !== undefined;
        const leaves = new Leaves();
        const document = plan.format === 'json' || plan.format === 'fhir-json';
        const { pool, onRead } = poolFor(file.bytes);
        try {
          if (document) await readDocument(file, i, pool, fa, leaves, validators, walk, onRead);
          else await readLines(file, i, pool, fa, leaves, onRead);
          fa.workers = pool.workers;
        } finally {
          if (pool !== inline) await pool.close();
        }
        fa.leaves = leaves.values();
      }
    }
  } finally {
    await inline?.close();
  }
  return { files, dictionary, schema };
}
