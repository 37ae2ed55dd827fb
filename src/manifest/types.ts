import type { SourcePosition } from '../diagnostics/user-input-error.js';
import type { FactValue } from '../ruleset/types.js';

/** A file named by the manifest. */
export interface FileRef {
  type: 'file';
  /** Normalised path relative to the dossier folder, `/` separators. */
  path: string;
  /** Expected SHA-256 (lower-case hex), when the manifest gives one. */
  sha256?: string;
  /** Where the manifest names it. */
  at: SourcePosition;
}

/** Resources fetched from a FHIR server. */
export interface FhirRef {
  type: 'fhir';
  /** `<base>/<Resource>?<query>`. */
  url: string;
  /** Environment variable holding the bearer token (never the token itself). */
  tokenEnv?: string;
  maxResources?: number;
  at: SourcePosition;
}

export type EvidenceRef = FileRef | FhirRef;

/** A sworn statement (déclaration sur l'honneur), fields as given; validity is judged by the engine. */
export interface Statement {
  justification?: string;
  signatory?: { name?: string; role?: string };
  signedOn?: string;
  expiresOn?: string;
  document?: FileRef;
  at: SourcePosition;
}

export interface Manifest {
  /** The manifest file as shown to the user and in reports (relative). */
  file: string;
  /** Absolute, real path of the dossier folder (the manifest's folder). */
  dossierDir: string;
  sha256: string;
  product: { name: string; version: string; manufacturer: string };
  /** `id@version` the manifest was written for, when it says. */
  ruleset?: string;
  facts: Readonly<Record<string, FactValue>>;
  /** Position of each fact's value. */
  factPositions: Readonly<Record<string, SourcePosition>>;
  /** Canonical requirement id → slot name → evidence. */
  evidence: ReadonlyMap<string, ReadonlyMap<string, { refs: readonly EvidenceRef[]; at: SourcePosition }>>;
  /** Canonical requirement id → statement. */
  statements: ReadonlyMap<string, Statement>;
  /** Position of each requirement key under `evidence:`/`statements:`, for findings. */
  requirementPositions: ReadonlyMap<string, SourcePosition>;
}
