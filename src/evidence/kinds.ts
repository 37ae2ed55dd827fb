/** File kinds dmn-check recognises from content, with their MIME type. */
export const KINDS = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  quicktime: 'video/quicktime',
  webm: 'video/webm',
  json: 'application/json',
  'fhir-json': 'application/fhir+json',
  ndjson: 'application/x-ndjson',
  'fhir-ndjson': 'application/fhir+ndjson',
  csv: 'text/csv',
  xml: 'application/xml',
  hl7v2: 'x-application/hl7-v2+er7',
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  yaml: 'application/yaml',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  'sql-dump': 'application/sql',
  sqlite: 'application/vnd.sqlite3',
  'pg-dump-custom': 'application/x-pg-dump-custom',
  binary: 'application/octet-stream',
  empty: 'application/x-empty',
} as const;

export type Kind = keyof typeof KINDS;

/** Named groups usable in a slot's `accepts:` list. */
export const KIND_GROUPS: Record<string, readonly Kind[]> = {
  image: ['png', 'jpeg', 'gif', 'webp'],
  video: ['mp4', 'quicktime', 'webm'],
  screenshot: ['png', 'jpeg', 'gif', 'webp', 'mp4', 'quicktime', 'webm', 'pdf'],
  document: ['pdf', 'markdown', 'html', 'text', 'odt', 'docx'],
  export: ['json', 'fhir-json', 'ndjson', 'fhir-ndjson', 'csv', 'xml'],
  flow: ['hl7v2', 'fhir-json', 'fhir-ndjson', 'json'],
  'data-dictionary': ['yaml', 'json', 'fhir-json', 'csv', 'text', 'markdown'],
  'database-dump': ['sql-dump', 'sqlite', 'pg-dump-custom'],
};

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(KINDS, name);
}

/** Expands kinds and groups into the set of kinds they accept; unknown names are left out. */
export function expandAccepts(names: readonly string[]): Set<Kind> {
  const out = new Set<Kind>();
  for (const n of names) {
    if (isKind(n)) out.add(n);
    else for (const k of KIND_GROUPS[n] ?? []) out.add(k);
  }
  return out;
}

export function isKnownKindOrGroup(name: string): boolean {
  return isKind(name) || Object.prototype.hasOwnProperty.call(KIND_GROUPS, name);
}
