import { createHash } from 'node:crypto';
import type { Finding, RawFinding, Report, RequirementReport } from '../../src/report/report.js';
import type { FormatContext } from '../../src/formatters/types.js';
import { catalogOf, createRegistry } from '../../src/checks/registry.js';
import { word } from '../../src/i18n/index.js';

/** Every wording the CLI uses: the core's and the built-in checks' own. */
const CATALOG = catalogOf(createRegistry());
import type { Lang } from '../../src/i18n/types.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/load.js';
import type { Ruleset } from '../../src/ruleset/types.js';

/** The bundled ruleset, loaded once: formatters take titles, statements and slot expectations from it. */
export const RULESET: Ruleset = loadRuleset(DEFAULT_RULESET);

/** A stand-in SHA-256: the digest of a label, so every hash in the sample is distinct and stable. */
export function fakeSha(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

/** The finding message that tries every XML and Markdown trap at once (a parser quoting a DOCX body). */
export const HOSTILE_ERROR = `unexpected "]]>" after <w:t> & 'w:p' | **bold** ]]> again\u0007`;

function title(id: string, lang: Lang): string {
  const def = RULESET.requirements.find((r) => r.id === id);
  if (!def) throw new Error(`the bundled ruleset has no ${id}`);
  return def.title[lang];
}

function finding(raw: RawFinding, lang: Lang): Finding {
  const params = { ...(raw.params ?? {}), slot: raw.slot, file: raw.params?.file ?? raw.file };
  return { ...raw, ...word(raw.code, params, lang, CATALOG) };
}

/**
 * The canonical sample report: five requirements, one in each status, findings with hints and
 * positions, a sworn statement, evidence files with hashes, and a dossier-level warning. Synthetic
 * data only: no patient identity appears anywhere, the signatory is the contract's example.
 */
export function canonicalReport(lang: Lang = 'en'): Report {
  const expectedFlowSha = fakeSha('creation.hl7 as recorded');
  const actualFlowSha = fakeSha('creation.hl7 as found');
  const requirements: RequirementReport[] = [
    {
      id: 'IEU 2',
      title: title('IEU 2', lang),
      status: 'not_applicable',
      notApplicableReasons: [RULESET.requirements[0]!.notApplicableWhen[1]!.reason[lang]],
      findings: [],
      slots: [],
      statement: {
        justification:
          "Les identités sont créées et modifiées dans la GAP de l'établissement ; le DMN les reçoit par flux et ne permet aucune modification.",
        signatory: { name: 'Jeanne Martin', role: 'Présidente' },
        signedOn: '2026-10-02',
        expiresOn: '2027-10-02',
        document: { path: 'statements/ieu2-signed.pdf', sha256: fakeSha('ieu2-signed.pdf'), bytes: 48213, kind: 'application/pdf' },
        valid: true,
      },
    },
    {
      id: 'IEU 7',
      title: title('IEU 7', lang),
      status: 'satisfied',
      findings: [],
      slots: [
        {
          name: 'ins-login-demo',
          required: true,
          status: 'satisfied',
          files: [{ path: 'evidence/ieu7/login-ins.png', sha256: fakeSha('login-ins.png'), bytes: 183422, kind: 'image/png' }],
        },
      ],
      statement: null,
    },
    {
      id: 'IEU 8',
      title: title('IEU 8', lang),
      status: 'failed',
      findings: [
        finding(
          {
            code: 'file.hash-mismatch',
            severity: 'error',
            status: 'failed',
            params: { file: 'evidence/ieu8/creation.hl7', actual: actualFlowSha, expected: expectedFlowSha },
            slot: 'creation-flow',
            file: 'dmn-evidence.yaml',
            line: 21,
            column: 46,
          },
          lang,
        ),
      ],
      slots: [
        {
          name: 'creation-flow',
          required: true,
          status: 'failed',
          files: [{ path: 'evidence/ieu8/creation.hl7', sha256: actualFlowSha, bytes: 1207, kind: 'x-application/hl7-v2+er7', expectedSha256: expectedFlowSha }],
        },
        { name: 'ins-association-flow', required: false, status: 'satisfied', files: [] },
        {
          name: 'account-screenshot',
          required: true,
          status: 'satisfied',
          files: [{ path: 'evidence/ieu8/account.png', sha256: fakeSha('account.png'), bytes: 95310, kind: 'image/png' }],
        },
      ],
      statement: null,
    },
    {
      id: 'IEU 9',
      title: title('IEU 9', lang),
      status: 'missing',
      findings: [
        finding(
          {
            code: 'slot.missing',
            severity: 'error',
            status: 'missing',
            params: {
              title_en: 'Two-factor login',
              title_fr: 'Connexion à deux facteurs',
              expects_en: 'Screenshots or a video of the patient login page asking for the second factor.',
              expects_fr: 'Copies d’écran ou vidéo de la page de connexion patient demandant le second facteur.',
            },
            slot: 'two-factor-demo',
            file: 'dmn-evidence.yaml',
            line: 24,
            column: 3,
          },
          lang,
        ),
      ],
      slots: [{ name: 'two-factor-demo', required: true, status: 'missing', files: [] }],
      statement: null,
    },
    {
      id: 'PORT 1',
      title: title('PORT 1', lang),
      status: 'error',
      findings: [
        finding(
          {
            code: 'check.crashed',
            severity: 'error',
            status: 'error',
            params: { check: 'document-mentions', error: HOSTILE_ERROR },
            slot: 'export-documentation',
            file: 'evidence/port1/export-doc.docx',
          },
          lang,
        ),
        finding(
          {
            code: 'document.topic-missing',
            severity: 'warning',
            params: {
              label_en: 'where each data item sits in the export',
              label_fr: "l'emplacement de chaque donnée dans l'export",
              words: 'emplacement, chemin, colonne',
            },
            slot: 'export-documentation',
            file: 'evidence/port1/export-doc.docx',
            record: 2,
            pointer: '/word/document.xml',
          },
          lang,
        ),
      ],
      slots: [
        {
          name: 'export-documentation',
          required: true,
          status: 'error',
          files: [
            {
              path: 'evidence/port1/export-doc.docx',
              sha256: fakeSha('export-doc.docx'),
              bytes: 30144,
              kind: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            },
          ],
        },
        {
          name: 'export-sample',
          required: true,
          status: 'satisfied',
          files: [{ path: 'evidence/port1/export.ndjson', sha256: fakeSha('export.ndjson'), bytes: 5402, kind: 'application/fhir+ndjson' }],
        },
      ],
      statement: null,
    },
  ];
  const dossierWarning: Finding = {
    code: 'ins.production-oid',
    severity: 'warning',
    message:
      lang === 'fr'
        ? 'evidence/port1/export.ndjson utilise l’OID de production INS-NIR 1.2.250.1.213.1.4.8 (enregistrement 3) : les preuves doivent porter des identités de test.'
        : 'evidence/port1/export.ndjson uses the production INS-NIR OID 1.2.250.1.213.1.4.8 (record 3): evidence should carry test identities.',
    hint: lang === 'fr' ? 'Remplacez par l’OID de test 1.2.250.1.213.1.4.10.' : 'Use the test OID 1.2.250.1.213.1.4.10 instead.',
    file: 'evidence/port1/export.ndjson',
    record: 3,
    params: { oid: '1.2.250.1.213.1.4.8' },
  };
  return {
    report: 1,
    tool: { name: 'dmn-check', version: '0.1.0' },
    ruleset: { id: RULESET.id, version: RULESET.version, sha256: fakeSha('ruleset ans-dmn 1.2.2') },
    manifest: { path: 'dmn-evidence.yaml', sha256: fakeSha('dmn-evidence.yaml') },
    product: { name: 'CardioSuivi', version: '4.2.0', manufacturer: 'Exemple Santé SAS' },
    facts: {
      patient_access: true,
      patient_access_scope: 'full',
      identity_source: 'delegated',
      ins_applicable: true,
      two_factor_activation: 'systematic',
    },
    asOf: '2026-11-29',
    generatedAt: '2026-11-29T10:00:00Z',
    lang,
    verdict: 'fail',
    summary: { satisfied: 1, not_applicable: 1, missing: 1, failed: 1, error: 1 },
    findings: [dossierWarning],
    requirements,
  };
}

export function canonicalContext(lang: Lang = 'en'): FormatContext {
  return { color: false, lang, ruleset: RULESET };
}
