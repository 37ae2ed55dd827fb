// Issue 11: the official examples (IHE PAM France 2.11.2, FR Core, ANS HL7 v2 examples), rebuilt with
// synthetic identities in fixtures/official/ (sources and commits in its README), judged as the spec says.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insAssociationFlow } from '../../../src/checks/ins/ins-association-flow.js';
import { insCreationFlow } from '../../../src/checks/ins/ins-creation-flow.js';
import { createMemo } from '../../../src/checks/memo.js';
import type { AnyCheck, CheckResult } from '../../../src/checks/types.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { word } from '../../support/word.js';
import type { Report } from '../../../src/report/report.js';
import { copyDossier, runCli, scratch } from '../../support/run-cli.js';

const FLOWS = new URL('../../../fixtures/official/flows/', import.meta.url).pathname;

async function open(name: string): Promise<EvidenceFile> {
  const r = await openEvidenceFile(FLOWS, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.file;
}

async function run(check: AnyCheck, name: string, creation?: string[]): Promise<CheckResult> {
  const others = creation ? new Map([['creation-flow', await Promise.all(creation.map(open))]]) : undefined;
  return check.run({ requirement: 'IEU 8', slot: 's', files: [await open(name)], options: {}, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo(), ...(others ? { others } : {}) });
}

const bySeverity = (r: CheckResult, severity: string): string[] => r.findings.filter((f) => f.severity === severity).map((f) => f.code);

describe('official examples judged right', () => {
  it('the ANS SGL admission (A01 with the test INS, VALI) is a creation flow that carries the INS', async () => {
    const r = await run(insCreationFlow, 'ans-sgl-a01-admission.hl7');
    expect(r.findings).toEqual([]);
    expect(r.provides).toEqual(['ins']);
  });

  describe('defect 2: the association flow must be about the created patient', () => {
    it('passes when the A31 carries the INS of the patient the A28 created (same IPP)', async () => {
      expect((await run(insCreationFlow, 'pam-fr-a28-create-patient-a.hl7')).findings).toEqual([]);
      expect((await run(insAssociationFlow, 'pam-fr-a31-ins-of-patient-a.hl7', ['pam-fr-a28-create-patient-a.hl7'])).findings).toEqual([]);
    });

    it("fails when the association flow carries another patient's INS, naming both patients masked", async () => {
      const r = await run(insAssociationFlow, 'pam-fr-a31-ins-of-patient-b.hl7', ['pam-fr-a28-create-patient-a.hl7']);
      expect(bySeverity(r, 'error')).toEqual(['ins.association-other-patient']);
      const f = r.findings[0]!;
      expect(f.params).toEqual({
        creation_slot: 'creation-flow',
        associated: 'pam-fr-a31-ins-of-patient-b.hl7, message 1, PID: E*** P***, 1985-**-**',
        created: 'pam-fr-a28-create-patient-a.hl7, message 1, PID: E*** J***, 1960-**-**',
      });
      // Masked: no name, no full date, no identifier reaches the message.
      for (const lang of ['en', 'fr'] as const) {
        const text = word(f.code, f.params ?? {}, lang).message;
        expect(text).not.toMatch(/ESSAI|PAUL|JEANNE|19850712|1900099|185077505612323/);
      }
    });

    it('fails when the matricule contradicts its own patient (sex digit 1, PID-8 F)', async () => {
      const r = await run(insAssociationFlow, 'pam-fr-a31-sex-contradicts-matricule.hl7', ['pam-fr-a28-create-patient-a.hl7']);
      expect(r.findings).toMatchObject([{ code: 'ins.trait-mismatch', severity: 'error', pointer: 'PID-8', params: { trait: 'sex', ins: '1 60 05 ** *** *** 59' } }]);
    });

    it('keeps passing the FR Core RNIV pattern: the same Patient resource, PROV at creation, QUAL with the INS', async () => {
      expect((await run(insCreationFlow, 'fr-core-rniv-patient-prov.json')).findings).toEqual([]);
      expect((await run(insAssociationFlow, 'fr-core-rniv-patient-qual.json', ['fr-core-rniv-patient-prov.json'])).findings).toEqual([]);
      // Linked by Patient.id alone: no shared IPP, and INSi changed the given name.
      const sameId = await run(insAssociationFlow, 'fr-core-rniv-patient-qual-same-id.json', ['fr-core-rniv-patient-prov.json']);
      expect(bySeverity(sameId, 'error')).toEqual([]);
      expect(bySeverity(sameId, 'warning')).toEqual(['ins.private-id-missing']);
    });

    it('links an HL7 v2 creation and a FHIR association by the same 5 traits (accents, case and format aside)', async () => {
      const s = scratch();
      try {
        const patient = JSON.parse(readFileSync(path.join(FLOWS, 'fr-core-rniv-patient-qual.json'), 'utf8')) as Record<string, unknown> & { name: { family: string; given: string[] }[] };
        patient.id = 'another-id';
        patient.identifier = (patient.identifier as unknown[]).slice(1); // the INS only: no IPP in common
        patient.name[0]!.family = 'Essai-Pâm';
        writeFileSync(path.join(s.dir, 'qual.json'), JSON.stringify(patient));
        const opened = await openEvidenceFile(s.dir, 'qual.json');
        if (!opened.ok) throw new Error(opened.reason);
        const others = new Map([['creation-flow', [await open('pam-fr-a28-create-patient-a.hl7')]]]);
        const ctx = { requirement: 'IEU 8', slot: 's', options: {}, facts: {}, asOf: '2026-11-29', provided: new Set<string>(), shared: createMemo(), others };
        expect(bySeverity(await insAssociationFlow.run({ ...ctx, files: [opened.file] }), 'error')).toEqual([]);
        patient.birthDate = '1960-05-31';
        writeFileSync(path.join(s.dir, 'qual.json'), JSON.stringify(patient));
        const changed = await openEvidenceFile(s.dir, 'qual.json');
        if (!changed.ok) throw new Error(changed.reason);
        expect(bySeverity(await insAssociationFlow.run({ ...ctx, files: [changed.file] }), 'error')).toEqual(['ins.association-other-patient']);
      } finally {
        s.done();
      }
    });
  });

  it('defect 3: a number starting with 7 is refused as a provisional number (NNP), not as a typo', async () => {
    const r = await run(insAssociationFlow, 'ans-sgl-a01-provisional-number.hl7');
    expect(r.findings).toMatchObject([{ code: 'ins.structure', severity: 'error', pointer: 'PID-3[2]', params: { reason: 'provisional', ins: '7 79 03 ** *** *** 33' } }]);
    const f = r.findings[0]!;
    expect(word(f.code, f.params ?? {}, 'en').message).toContain('provisional number (NNP, numéro national provisoire), neither a NIR nor a NIA');
    expect(word(f.code, f.params ?? {}, 'fr').message).toContain("c’est un numéro provisoire (NNP, numéro national provisoire), ni NIR ni NIA");
  });

  describe('defect 4: an A47 that deletes the INS ("" in PID-3) is read as a deletion', () => {
    it.each([
      ['pam-fr-4.4.3-a47-delete-ins.hl7', 'VALI'],
      ['pam-fr-4.4.4-a47-qualified-to-provisional.hl7', 'PROV'],
    ])('%s', async (name, status) => {
      const creation = await run(insCreationFlow, name);
      expect(creation.findings).toMatchObject([{ code: 'ins.deleted', severity: 'info', pointer: 'PID-3[2]', params: { event: 'ADT^A47', status, oid: '1.2.250.1.213.1.4.10' } }]);
      expect(creation.provides).toBeUndefined();
      const association = await run(insAssociationFlow, name);
      expect(association.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['error:ins.deleted']);
      const f = association.findings[0]!;
      expect(word(f.code, f.params ?? {}, 'en').message).toMatch(/^The flow removes the INS \(ADT\^A47\)/);
      expect(word(f.code, f.params ?? {}, 'fr').message).toMatch(/^Le flux supprime l’INS \(ADT\^A47\)/);
    });
  });

  describe('defect 5: the INS the receiver keeps is judged', () => {
    it('a bad-key INS-NIA beside a valid INS-NIR (PAM FR §4.4.1) passes with warnings', async () => {
      for (const check of [insCreationFlow, insAssociationFlow]) {
        const r = await run(check, 'pam-fr-4.4.1-a31-nia-beside-nir.hl7');
        expect(bySeverity(r, 'error')).toEqual([]);
        expect(bySeverity(r, 'warning')).toEqual(['ins.nia-superseded', 'ins.key', 'ins.production-oid']);
      }
      expect((await run(insCreationFlow, 'pam-fr-4.4.1-a31-nia-beside-nir.hl7')).provides).toEqual(['ins']);
    });

    it.each([
      ['pam-fr-4.4.1-a31-nia-beside-nir.hl7', 'satisfied', []],
      ['ans-sgl-a01-provisional-number.hl7', 'failed', ['ins.structure']],
    ])('IEU 8 with %s as creation flow and no association flow asks for no association flow', async (name, status, errors) => {
      const d = copyDossier('complete');
      try {
        writeFileSync(path.join(d.dir, 'evidence/ieu8/creation-a28.hl7'), readFileSync(path.join(FLOWS, name)));
        const r = await runCli(['check', d.manifest, '--format', 'json', '--as-of', '2026-11-29']);
        const ieu8 = (JSON.parse(r.stdout) as Report).requirements.find((x) => x.id === 'IEU 8')!;
        expect(ieu8.status).toBe(status);
        expect(ieu8.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(errors);
        expect(ieu8.slots.find((s) => s.name === 'ins-association-flow')!.status).toBe('not_applicable');
      } finally {
        d.done();
      }
    });
  });

  it('defect 6: an FR Core 1.x Patient is told where FR Core 2.x wants what it found', async () => {
    const r = await run(insCreationFlow, 'fr-core-1x-patient-ins.json');
    expect(r.findings).toMatchObject([
      { code: 'ins.trait-legacy', severity: 'error', pointer: 'Patient.extension[1].valueAddress.district', params: { trait: 'birthplace' } },
      { code: 'ins.reliability-legacy', severity: 'error', pointer: 'Patient.extension[0].extension[0]' },
    ]);
    const [legacyTrait, legacyStatus] = r.findings;
    const en = word(legacyTrait!.code, legacyTrait!.params ?? {}, 'en').message;
    expect(en).toContain('where FR Core before 2.0 put it (Patient.extension[1].valueAddress.district)');
    expect(en).toContain('fr-core-address-insee-code');
    expect(en).toContain('migrating to FR Core 2.x');
    expect(word(legacyStatus!.code, legacyStatus!.params ?? {}, 'fr').message).toContain('fr-core-ident-reliability (sous-extension identityReliability)');
    expect(word(legacyStatus!.code, legacyStatus!.params ?? {}, 'fr').message).toContain('à migrer vers FR Core 2.x');
    expect(r.findings.map((f) => f.code)).not.toContain('ins.trait-missing');
    expect(r.findings.map((f) => f.code)).not.toContain('ins.reliability-missing');
  });

  it('defect 7: an FR Core 2.2 INS-NIA with use official gets no use warning', async () => {
    const r = await run(insAssociationFlow, 'fr-core-2.2-patient-ins-nia-official.json');
    expect(r.findings.map((f) => f.code)).toEqual(['ins.production-oid']);
  });

  it("defect 8: a production OID 'may be' a real person's identifier, and the advice stays", async () => {
    const r = await run(insAssociationFlow, 'ans-sgl-a01-production-oid.hl7');
    expect(r.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:ins.production-oid']);
    const f = r.findings[0]!;
    const en = word(f.code, f.params ?? {}, 'en');
    const fr = word(f.code, f.params ?? {}, 'fr');
    expect(en.message).toContain("it may be a real person's identifier");
    expect(en.message).not.toContain('this is a real person');
    expect(fr.message).toContain("ce peut être l’identifiant d’une personne réelle");
    expect(en.hint).toContain('1.2.250.1.213.1.4.10');
    expect(fr.hint).toContain('1.2.250.1.213.1.4.10');
  });
});
