import type { OnProgress } from '../util/progress.js';
import { UserInputError, type InputProblem } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import { shorten } from '../diagnostics/value-text.js';
import type { EvidenceRef, FhirRef, Manifest } from '../manifest/types.js';
import { confinePath, openEvidenceFile, type FolderCache, type OpenResult } from './evidence-file.js';
import { EVIDENCE_TEXT } from './messages.js';
import { nearestName } from './near-names.js';

/** How many missing files get a "did you mean" (each lists its folders): a hostile manifest's thousands do not. */
const MAX_SUGGESTIONS = 50;

/** Opens one FHIR reference (network); injected so that only the CLI wires the network in. */
export type FhirOpener = (ref: FhirRef) => Promise<OpenResult>;

export interface OpenDossierOptions {
  /** How many files are opened at once: bounded so that 20,000 files never exhaust descriptors. */
  concurrency?: number;
  /** Opens FHIR references; without it they are refused as offline. */
  openFhir?: FhirOpener;
  /** Told after each reference is opened. */
  onProgress?: OnProgress;
}

/** Every evidence reference of the manifest, statements' documents included, in manifest order. */
export function allRefs(manifest: Manifest): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const slots of manifest.evidence.values()) for (const { refs: r } of slots.values()) refs.push(...r);
  for (const st of manifest.statements.values()) if (st.document) refs.push(st.document);
  return refs;
}

/**
 * Opens (stats, sniffs) every evidence reference with bounded concurrency. A path that leads out of
 * the dossier through a symlink is a user input error (exit 2), reported with its manifest position.
 */
export async function openDossier(manifest: Manifest, options: OpenDossierOptions = {}): Promise<Map<EvidenceRef, OpenResult>> {
  const refs = allRefs(manifest);
  const out = new Map<EvidenceRef, OpenResult>();
  const limit = Math.max(1, options.concurrency ?? 32);
  let next = 0;
  // Folders are resolved once for this pass (not kept beyond it: a later pass resolves them again).
  const folders: FolderCache = new Map();
  const worker = async (): Promise<void> => {
    while (next < refs.length) {
      const ref = refs[next++]!;
      if (ref.type === 'file') out.set(ref, await openEvidenceFile(manifest.dossierDir, ref.path, folders));
      else if (options.openFhir) out.set(ref, await options.openFhir(ref));
      else out.set(ref, { ok: false, reason: 'source', status: 'error', code: 'fhir.offline', params: { url: ref.url } });
      options.onProgress?.({ phase: 'open', done: out.size, total: refs.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, refs.length) }, worker));
  let suggested = 0;
  for (const ref of refs) {
    const o = out.get(ref);
    if (ref.type !== 'file' || o === undefined || o.ok || o.reason !== 'missing' || suggested >= MAX_SUGGESTIONS) continue;
    suggested++;
    const rel = confinePath(ref.path);
    const near = rel === undefined ? undefined : nearestName(manifest.dossierDir, rel);
    if (near !== undefined) out.set(ref, { ...o, suggestion: near });
  }
  const escapes: InputProblem[] = refs
    .filter((r) => r.type === 'file' && out.get(r)?.ok === false && (out.get(r) as { reason: string }).reason === 'escape')
    .map((r) => ({
      code: 'manifest.path-escape',
      ...r.at,
      ...both(EVIDENCE_TEXT.linkLeavesDossier, { path: shorten((r as { path: string }).path) }),
    }));
  if (escapes.length > 0) throw new UserInputError(escapes);
  return out;
}
