import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { createAjv } from '../diagnostics/ajv.js';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { precompiledOr } from '../diagnostics/precompiled.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { UserInputError, type InputProblem, type SourcePosition } from '../diagnostics/user-input-error.js';
import { dottedPath, positionOf } from '../diagnostics/yaml-position.js';
import { parseYaml, readYamlKnown, type YamlSource } from '../diagnostics/yaml-source.js';
import { shorten } from '../diagnostics/value-text.js';
import { confinePath } from '../evidence/evidence-file.js';
import { displayUrl, parseFhirUrl } from '../evidence/fhir/url.js';
import { CATALOG } from '../i18n/index.js';
import { both } from '../i18n/text.js';
import { findRequirement } from '../ruleset/ids.js';
import { bundledRulesetsWithFact, isBundledRuleset } from '../ruleset/load.js';
import { valueFits } from '../ruleset/requirement.js';
import type { FactValue, RequirementDef, Ruleset } from '../ruleset/types.js';
import { fastYamlBytes, type FastYaml } from '../diagnostics/fast-yaml.js';
import { manifestSchema } from './schema.js';
import type { EvidenceRef, FileRef, Manifest, Statement } from './types.js';
import { displayPath } from '../diagnostics/display-path.js';
import type { Localized } from '../report/report.js';
import { MANIFEST_TEXT } from './messages.js';

const validateManifest = precompiledOr('validate-manifest.cjs', () => createAjv({ verbose: true }).compile(manifestSchema));

type RawItem = string | { path: string; sha256?: string } | { fhir: string; token_env?: string; max_resources?: number };
interface RawManifest {
  product: Manifest['product'];
  ruleset?: string;
  facts?: Record<string, FactValue>;
  evidence?: Record<string, Record<string, RawItem | RawItem[]>>;
  statements?: Record<
    string,
    { justification?: string; signatory?: { name?: string; role?: string }; signed_on?: string; expires_on?: string; document?: string }
  >;
}

export { displayPath };

const KNOWN_TOP = Object.keys(manifestSchema.properties);

/** "It is a fact of ans-dmn-complete@1.2.2: did you mean `--rules …`?", when a bundled ruleset declares it. */
function otherRulesetHint(fact: string, inUse: string): Localized | undefined {
  const refs = bundledRulesetsWithFact(fact, inUse);
  if (refs.length === 0) return undefined;
  return both(MANIFEST_TEXT.factOfOtherRuleset, { ruleset: refs[0] }).message;
}

/**
 * Reads `file`, validates it against the manifest schema and against `ruleset` (facts, requirement
 * ids, slot names, paths confined to the dossier). All problems are reported at once.
 */
export function loadManifest(file: string, ruleset: Ruleset, cwd: string): Manifest {
  const abs = path.resolve(cwd, file);
  const name = displayPath(abs, cwd);
  let fast: FastYaml | undefined;
  const src = readYamlKnown(abs, name, 'manifest', (bytes) => (fast = fastYamlBytes(bytes))?.value);
  if (fast) {
    const quick = fast;
    try {
      return manifestFrom(src, abs, ruleset, (p, key) => quick.locate(name, p, key) ?? notModelled());
    } catch (err) {
      if (!(err instanceof UserInputError) && !(err instanceof NotModelled)) throw err;
    }
    // A problem (or a position the fast reader does not model): everything again from the library's parse, worded as ever.
    const full = parseYaml(src.bytes, name);
    return manifestFrom(full, abs, ruleset, (p, key) => positionOf(full, p, key));
  }
  return manifestFrom(src, abs, ruleset, (p, key) => positionOf(src, p, key));
}

/** Where the value (or the key) at a path of the manifest is. */
type Locate = (p: readonly (string | number)[], key?: boolean) => SourcePosition;

class NotModelled extends Error {}
function notModelled(): never {
  throw new NotModelled();
}

function manifestFrom(src: YamlSource, abs: string, ruleset: Ruleset, at: Locate): Manifest {
  const name = src.file;
  if (src.value === null || src.value === undefined || typeof src.value !== 'object' || Array.isArray(src.value)) {
    throw new UserInputError({
      code: 'schema',
      file: name,
      line: 1,
      column: 1,
      ...both(MANIFEST_TEXT.notAMapping, {}),
    });
  }
  if (!validateManifest(src.value)) {
    throw new UserInputError(
      ajvProblems(validateManifest.errors ?? [], src, 'schema', (p) => {
        if (p.length === 0) return KNOWN_TOP;
        if (p[0] === 'product') return ['name', 'version', 'manufacturer'];
        if (p[0] === 'statements' && p.length === 2) return ['justification', 'signatory', 'signed_on', 'expires_on', 'document'];
        if (p[0] === 'statements' && p[2] === 'signatory') return ['name', 'role'];
        return ['path', 'sha256', 'fhir', 'token_env', 'max_resources'];
      }),
    );
  }
  const raw = src.value as RawManifest;
  const problems: InputProblem[] = [];

  if (raw.ruleset !== undefined && raw.ruleset !== `${ruleset.id}@${ruleset.version}`) {
    problems.push({
      code: 'manifest.ruleset-mismatch',
      ...at(['ruleset']),
      subject: 'ruleset',
      message: both(MANIFEST_TEXT.rulesetMismatch, { written: shorten(raw.ruleset), used: `${ruleset.id}@${ruleset.version}` }).message,
      hint: (isBundledRuleset(raw.ruleset) ? both(MANIFEST_TEXT.didYouMeanRules, { ruleset: raw.ruleset }) : both(MANIFEST_TEXT.passMatchingRuleset, {})).message,
    });
  }

  const facts = Object.create(null) as Record<string, FactValue>;
  const factPositions = Object.create(null) as Record<string, SourcePosition>;
  for (const [key, value] of Object.entries(raw.facts ?? {})) {
    const def = ruleset.facts.find((f) => f.name === key);
    if (!def) {
      problems.push({
        code: 'manifest.unknown-fact',
        ...at(['facts', key], true),
        subject: dottedPath(['facts', key]),
        message: both(MANIFEST_TEXT.unknownFact, {}).message,
        hint: otherRulesetHint(key, `${ruleset.id}@${ruleset.version}`) ?? didYouMean(key, ruleset.facts.map((f) => f.name)),
      });
      continue;
    }
    if (!valueFits(def, value)) {
      const allowed = def.type === 'enum' ? (def.values ?? []).map((v) => v.value) : [];
      problems.push({
        code: 'manifest.fact-value',
        ...at(['facts', key]),
        subject: dottedPath(['facts', key]),
        message: both(MANIFEST_TEXT.notAPossibleAnswer, {
          json: shorten(JSON.stringify(value)),
          text: shorten(typeof value === 'string' ? value : JSON.stringify(value)),
          type: def.type,
        }).message,
        hint: def.type === 'enum' ? didYouMean(String(value), allowed) : def.type === 'boolean' ? both(MANIFEST_TEXT.answerTrueOrFalse, {}).message : undefined,
      });
      continue;
    }
    facts[key] = value;
    factPositions[key] = at(['facts', key]);
  }

  const requirementPositions = new Map<string, SourcePosition>();
  const resolveId = (section: 'evidence' | 'statements', key: string): RequirementDef | undefined => {
    const match = findRequirement(ruleset.requirements, key);
    if ('requirement' in match) return match.requirement;
    problems.push({
      code: 'manifest.unknown-requirement',
      ...at([section, key], true),
      subject: dottedPath([section, key]),
      message: both(MANIFEST_TEXT.unknownRequirement, { ruleset: `${ruleset.id}@${ruleset.version}` }).message,
      hint: match.suggestion ? didYouMean(key, [match.suggestion]) : didYouMean(key, ruleset.requirements.map((r) => r.id)),
    });
    return undefined;
  };

  const evidence = new Map<string, Map<string, { refs: EvidenceRef[]; at: SourcePosition }>>();
  const seenKeys = new Map<string, string>();
  const checkDuplicate = (section: string, key: string, id: string): boolean => {
    const prev = seenKeys.get(`${section}\u0000${id}`);
    if (prev !== undefined) {
      problems.push({
        code: 'schema',
        ...at([section, key], true),
        subject: dottedPath([section, key]),
        ...both(MANIFEST_TEXT.requirementAgain, { requirement: id, previous: prev }),
      });
      return false;
    }
    seenKeys.set(`${section}\u0000${id}`, key);
    return true;
  };

  for (const [key, slots] of Object.entries(raw.evidence ?? {})) {
    const req = resolveId('evidence', key);
    if (!req || !checkDuplicate('evidence', key, req.id)) continue;
    requirementPositions.set(req.id, at(['evidence', key], true));
    const bySlot = new Map<string, { refs: EvidenceRef[]; at: SourcePosition }>();
    for (const [slotName, value] of Object.entries(slots)) {
      const slot = req.slots.find((s) => s.name === slotName);
      if (!slot) {
        problems.push({
          code: 'manifest.unknown-slot',
          ...at(['evidence', key, slotName], true),
          subject: dottedPath(['evidence', key, slotName]),
          message: both(MANIFEST_TEXT.unknownSlot, { requirement: req.id }).message,
          hint: didYouMean(slotName, req.slots.map((s) => s.name)),
        });
        continue;
      }
      const items = Array.isArray(value) ? value : [value];
      const refs: EvidenceRef[] = [];
      items.forEach((item, i) => {
        const p: (string | number)[] = Array.isArray(value) ? ['evidence', key, slotName, i] : ['evidence', key, slotName];
        const ref = toRef(item, p, at, problems);
        if (ref) refs.push(ref);
      });
      bySlot.set(slot.name, { refs, at: at(['evidence', key, slotName]) });
    }
    evidence.set(req.id, bySlot);
  }

  const statements = new Map<string, Statement>();
  for (const [key, st] of Object.entries(raw.statements ?? {})) {
    const req = resolveId('statements', key);
    if (!req || !checkDuplicate('statements', key, req.id)) continue;
    if (!requirementPositions.has(req.id)) requirementPositions.set(req.id, at(['statements', key], true));
    const statement: Statement = { at: at(['statements', key], true) };
    if (st.justification !== undefined) statement.justification = st.justification;
    if (st.signatory !== undefined) statement.signatory = { ...st.signatory };
    if (st.signed_on !== undefined) statement.signedOn = st.signed_on;
    if (st.expires_on !== undefined) statement.expiresOn = st.expires_on;
    if (st.document !== undefined) {
      const doc = toRef(st.document, ['statements', key, 'document'], at, problems);
      if (doc?.type === 'file') statement.document = doc;
    }
    statements.set(req.id, statement);
  }

  if (problems.length > 0) throw new UserInputError(problems);
  let dossierDir = path.dirname(abs);
  try {
    dossierDir = realpathSync(dossierDir);
  } catch {
    /* keep the lexical folder; opening files will report */
  }
  return {
    file: name,
    dossierDir,
    sha256: createHash('sha256').update(src.bytes).digest('hex'),
    product: { ...raw.product },
    ...(raw.ruleset !== undefined ? { ruleset: raw.ruleset } : {}),
    facts,
    factPositions,
    evidence,
    statements,
    requirementPositions,
  };
}

function toRef(item: RawItem, p: (string | number)[], locate: Locate, problems: InputProblem[]): EvidenceRef | undefined {
  const at = locate(p);
  if (typeof item === 'object' && 'fhir' in item) {
    const parsed = parseFhirUrl(item.fhir);
    if (!parsed.ok) {
      const params = { url: parsed.problem === 'credentials' ? '' : displayUrl(item.fhir), problem: parsed.problem };
      problems.push({
        code: 'manifest.fhir-url',
        ...locate([...p, 'fhir']),
        subject: dottedPath([...p, 'fhir']),
        ...both(CATALOG['fhir.url-invalid']!, params),
      });
      return undefined;
    }
    const ref: EvidenceRef = { type: 'fhir', url: item.fhir, at };
    if (item.token_env !== undefined) ref.tokenEnv = item.token_env;
    if (item.max_resources !== undefined) ref.maxResources = item.max_resources;
    return ref;
  }
  const rawPath = typeof item === 'string' ? item : item.path;
  const confined = confinePath(rawPath);
  if (confined === undefined) {
    const nul = rawPath.includes('\u0000');
    problems.push({
      code: 'manifest.path-escape',
      ...locate(typeof item === 'string' ? p : [...p, 'path']),
      subject: dottedPath(p),
      ...both(nul ? MANIFEST_TEXT.pathHasNul : MANIFEST_TEXT.pathLeavesDossier, { path: shorten(JSON.stringify(rawPath)) }),
    });
    return undefined;
  }
  const ref: FileRef = { type: 'file', path: confined, at };
  if (typeof item === 'object' && item.sha256 !== undefined) ref.sha256 = item.sha256.toLowerCase();
  return ref;
}
