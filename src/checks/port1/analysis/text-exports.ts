/** CSV and XML export samples: decoded as strict UTF-8 and read by the generic readers, into their file's analysis. */
import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { CsvReader } from '../../../evidence/formats/csv.js';
import { StrictUtf8Decoder } from '../../../diagnostics/utf8.js';
import { XmlReader } from '../../../evidence/formats/xml.js';
import type { FileAnalysis } from './export-plan.js';
import { maskDigits } from '../../../util/redact.js';

async function readText(file: EvidenceFile, reader: { push(t: string): void; encodingProblem(): void }): Promise<void> {
  const decoder = new StrictUtf8Decoder();
  let stopped = false;
  for await (const chunk of file.chunks()) {
    if (stopped) continue;
    const { text, bad } = decoder.decode(chunk, false);
    reader.push(text);
    if (bad) {
      reader.encodingProblem();
      stopped = true;
    }
  }
  if (!stopped) {
    const { text, bad } = decoder.decode(Buffer.alloc(0), true);
    reader.push(text);
    if (bad) reader.encodingProblem();
  }
}

export async function readCsv(file: EvidenceFile, fa: FileAnalysis): Promise<void> {
  const reader = new CsvReader();
  await readText(file, reader);
  const r = reader.end();
  fa.records = r.records;
  fa.problems = r.problems.map((p) => ({ ...p }));
  fa.problemCount = r.problemCount;
  fa.csv = { delimiter: r.delimiter, columns: r.columns, nonEmpty: r.nonEmpty, duplicateColumns: r.duplicateColumns };
  fa.complete = r.complete && r.problemCount === 0;
}

export async function readXml(file: EvidenceFile, fa: FileAnalysis): Promise<void> {
  const reader = new XmlReader();
  await readText(file, reader);
  const r = reader.end();
  fa.records = r.elements;
  if (r.problem) {
    fa.problems = [{ line: r.problem.line, column: r.problem.column, reason: r.problem.reason, ...(r.problem.element ? { pointer: maskDigits(r.problem.element) } : {}) }];
    fa.problemCount = 1;
  }
  fa.leaves = r.leaves.map((path) => ({ path, scoped: '' }));
  fa.pathsTruncated = r.pathsTruncated;
  fa.complete = !r.problem;
}
