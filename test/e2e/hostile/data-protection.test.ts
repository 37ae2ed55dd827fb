import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { DOSSIERS, ROOT, runCli, scratch } from '../../support/run-cli.js';

/**
 * Data-protection audit (CONTRACT §8): every registered formatter, in both languages, on every
 * fixture dossier and on every fixture flow put in a dossier; no output may hold a full matricule
 * INS, a patient name or a birth date found in the evidence.
 */

interface Identity {
  /** Where it was found, for the failure message. */
  from: string;
  kind: 'matricule' | 'name' | 'birth date';
  value: string;
}

const MATRICULE = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}(?:[0-9]{2})?$/;
const NAME_KEYS = /^(birthName|firstBirthGivenName|givenName|givenNames|familyName|lastName|firstName|usedName|usualName|family|given)$/;
const DATE_KEYS = /^(birthDate|dateOfBirth)$/;
const ID_KEYS = /^(nir|ins|matricule|matriculeIns|value)$/;

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** The forms a birth date may take in an output. */
function dateForms(yyyymmdd: string): string[] {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)];
  return [`${y}${m}${d}`, `${y}-${m}-${d}`, `${d}/${m}/${y}`];
}

function fromHl7(text: string, from: string, out: Identity[]): void {
  const segments = text.split(/\r\n|\r|\n/);
  const msh = segments.find((s) => s.startsWith('MSH'));
  const fs = msh?.[3] ?? '|';
  const [comp = '^', rep = '~'] = (msh?.split(fs)[1] ?? '^~').split('');
  for (const seg of segments.filter((s) => s.startsWith(`PID${fs}`))) {
    const f = seg.split(fs);
    for (const r of (f[3] ?? '').split(rep)) {
      const id = r.split(comp)[0] ?? '';
      if (MATRICULE.test(id)) out.push({ from, kind: 'matricule', value: id });
    }
    for (const r of (f[5] ?? '').split(rep)) {
      for (const part of r.split(comp).slice(0, 3)) for (const word of [part, ...part.split(' ')]) if (word.length >= 3) out.push({ from, kind: 'name', value: word });
    }
    const birth = /^\d{8}/.exec(f[7] ?? '')?.[0];
    if (birth) for (const v of dateForms(birth)) out.push({ from, kind: 'birth date', value: v });
  }
}

function fromJson(value: unknown, from: string, out: Identity[], parentKey = ''): void {
  if (Array.isArray(value)) {
    for (const v of value) fromJson(v, from, out, parentKey);
    return;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'string') return;
    if (NAME_KEYS.test(parentKey) && value.length >= 3) for (const word of [value, ...value.split(' ')]) if (word.length >= 3) out.push({ from, kind: 'name', value: word });
    if (DATE_KEYS.test(parentKey) && /^\d{4}-\d{2}-\d{2}$/.test(value)) for (const v of dateForms(value.replace(/-/g, ''))) out.push({ from, kind: 'birth date', value: v });
    if (ID_KEYS.test(parentKey) && MATRICULE.test(value.replace(/\s/g, ''))) out.push({ from, kind: 'matricule', value: value.replace(/\s/g, '') });
    return;
  }
  for (const [k, v] of Object.entries(value)) fromJson(v, from, out, k);
}

/** Every patient identity an evidence file holds: HL7 v2 PID-3/5/7, FHIR Patient, export identity fields. */
export function identitiesIn(file: string, shown: string): Identity[] {
  const text = decode(readFileSync(file)).replace(/^\ufeff/, '');
  const out: Identity[] = [];
  const start = text.trimStart();
  // PID segments count even without an MSH header (a broken message still carries identities).
  if (/^(MSH|FHS|BHS)/.test(start) || /(^|[\r\n])PID\|/.test(text)) fromHl7(text, shown, out);
  else if (start.startsWith('{') || start.startsWith('[')) {
    try {
      fromJson(JSON.parse(text), shown, out);
    } catch {
      for (const line of text.split('\n')) {
        try {
          fromJson(JSON.parse(line), shown, out);
        } catch {
          /* not JSON: nothing to collect */
        }
      }
    }
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const work = scratch('dmn-hostile-dp-');
afterAll(work.done);

/** The output of every registered format, and the terminal's, for one dossier in one language. */
async function outputs(dossier: string, lang: 'en' | 'fr'): Promise<Map<string, string>> {
  const outDir = path.join(work.dir, `${path.basename(dossier)}-${lang}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(outDir);
  const names = [...FORMATTERS.keys()];
  // a dossier written for another bundled ruleset (telemonitoring-complete: the whole grid) is checked against it
  const ruleset = /^ruleset: (\S+)$/m.exec(readFileSync(path.join(dossier, 'dmn-evidence.yaml'), 'utf8'))?.[1];
  const rules = ruleset && ruleset !== 'ans-dmn@1.2.2' ? ['--rules', ruleset] : [];
  const run = await runCli(['check', 'dmn-evidence.yaml', ...rules, '--as-of', '2026-11-29', '--lang', lang, ...names.flatMap((n) => ['--format', n, '--output', path.join(outDir, `report.${n}`)])], { cwd: dossier });
  expect(run.code, run.stderr).not.toBe(2);
  const out = new Map([['terminal', run.stdout + run.stderr]]);
  for (const n of names) out.set(n, readFileSync(path.join(outDir, `report.${n}`), 'utf8'));
  return out;
}

function leaks(text: string, ids: readonly Identity[]): string[] {
  const squeezed = text.replace(/[\s\u00a0]/g, '');
  const lower = text.toLowerCase();
  return ids
    .filter((id) => (id.kind === 'matricule' ? squeezed.includes(id.value) : id.kind === 'name' ? lower.includes(id.value.toLowerCase()) : text.includes(id.value)))
    .map((id) => `${id.kind} "${id.value}" (from ${id.from})`);
}

async function audit(dossier: string, ids: readonly Identity[]): Promise<void> {
  for (const lang of ['en', 'fr'] as const) {
    for (const [format, text] of await outputs(dossier, lang)) {
      expect(leaks(text, ids), `${path.basename(dossier)} → ${format} (${lang})`).toEqual([]);
    }
  }
}

const DOSSIER_NAMES = readdirSync(DOSSIERS).filter((d) => statSync(path.join(DOSSIERS, d)).isDirectory());

describe('data-protection audit: no matricule, patient name or birth date of the evidence in any output', () => {
  it('finds identities to look for (the audit would be empty otherwise)', () => {
    const all = DOSSIER_NAMES.flatMap((d) => filesUnder(path.join(DOSSIERS, d, 'evidence')).flatMap((f) => identitiesIn(f, f)));
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(['matricule', 'name', 'birth date']));
    expect(FORMATTERS.size).toBeGreaterThanOrEqual(2);
  });

  it('the detector itself sees a matricule with spaces, a name in another case and a birth date', () => {
    const ids: Identity[] = [
      { from: 'x', kind: 'matricule', value: '279035121518989' },
      { from: 'x', kind: 'name', value: 'DUPONT-ESSAI' },
      { from: 'x', kind: 'birth date', value: '1979-03-15' },
    ];
    expect(leaks('INS 2 79 03 51 215 189 89 of Dupont-Essai, born 1979-03-15', ids)).toHaveLength(3);
    expect(leaks('INS 2 79 03 ** *** *** 89 of D***, born 1979-**-**', ids)).toEqual([]);
  });

  it.each(DOSSIER_NAMES)('fixture dossier %s, every format, both languages', async (name) => {
    const dir = path.join(DOSSIERS, name);
    const ids = filesUnder(path.join(dir, 'evidence')).flatMap((f) => identitiesIn(f, path.relative(dir, f)));
    await audit(dir, ids);
  }, 60_000);

  const FLOWS = path.join(ROOT, 'fixtures', 'flows');
  const flowFiles = readdirSync(FLOWS).filter((f) => /\.(hl7|json|ndjson)$/.test(f));

  it.each(flowFiles)('fixture flow %s as the creation and association flows of a dossier', async (flow) => {
    const dir = path.join(work.dir, `flow-${flow}`);
    cpSync(path.join(DOSSIERS, 'complete'), dir, { recursive: true });
    cpSync(path.join(FLOWS, flow), path.join(dir, 'evidence', 'ieu8', flow));
    const manifest = path.join(dir, 'dmn-evidence.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('creation-flow: evidence/ieu8/creation-a28.hl7', `creation-flow: evidence/ieu8/${flow}\n    ins-association-flow: evidence/ieu8/${flow}`),
    );
    const ids = [...identitiesIn(path.join(FLOWS, flow), flow), ...identitiesIn(path.join(dir, 'evidence', 'port1', 'export.json'), 'export.json')];
    await audit(dir, ids);
  }, 60_000);
});
