import type { BuiltinFinding } from '../codes.js';
import type { Segment } from '../../evidence/read/reader.js';
import { msg, s, type ParamsIn, type TypedCatalog } from '../../i18n/types.js';
import { say } from '../../i18n/text.js';

import { defineBuiltinCheck } from '../codes.js';
import { readProblemFinding } from './read-finding.js';
import { legible, readShared } from './shows.js';
import { findPhrase, fold, tokensOf } from './shows-match.js';
import { readMessages } from './read-messages.js';

/**
 * What a reviewer checks first on a sworn statement's signed scan: that it is this statement. The
 * document is read (text layer, or OCR of a scan) and must name the requirement it is filed for
 * (`IEU 2`; a list or a range such as `INS 11 à INS 35` counts); it should also name the signatory
 * the manifest gives and carry the signing date. Precision first: only a legible document that names
 * another requirement, or none, fails; a missing name or date is a warning.
 */

type Options = Record<string, never>;

const MONTHS_FR = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `IEU 9.1` → { prefix: 'IEU', n: 9 }; undefined for an id without a trailing number. */
function splitId(id: string): { prefix: string; n: number } | undefined {
  const m = /^(.*?)[\s-]*(\d+)(?:\.\d+)*$/.exec(id.trim());
  if (!m || !m[1]) return undefined;
  return { prefix: m[1], n: Number(m[2]) };
}

/**
 * The requirement numbers of `idPrefix` (`IEU`) that a text names: single ids (`ieu 2`, `ieu2`, `ieu n 2`),
 * lists (`ins 4 6 et 11`, each number after the prefix up to the next word) and ranges
 * (`ins 11 a ins 35`, `ins 11 au 35`, `ins 37 to 40`).
 */
export function namedNumbers(text: string, idPrefix: string): Set<number> {
  const out = new Set<number>();
  const prefix = fold(idPrefix).replace(/ /g, '');
  // `IEU 9.1` names IEU 9 (its sub-number is no item of a list); `ieu2`, as OCR or a typist glues it,
  // gets its number as a word of its own
  const words = fold(text.replace(/(\d)[.,]\d+/g, '$1')).replace(new RegExp(`\\b${prefix}(\\d{1,3})\\b`, 'g'), `${prefix} $1`).split(' ');
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== prefix) continue;
    let j = i + 1;
    if (words[j] === 'n' || words[j] === 'no') j++;
    let last: number | undefined;
    for (; j < words.length; j++) {
      const x = words[j]!;
      if (/^\d{1,3}$/.test(x)) {
        last = Number(x);
        out.add(last);
      } else if (last !== undefined && ['a', 'au', 'to', 'through'].includes(x)) {
        let k = j + 1;
        if (words[k] === prefix) k++;
        const end = /^\d{1,3}$/.test(words[k] ?? '') ? Number(words[k]) : undefined;
        if (end === undefined || end < last || end - last > 200) break;
        for (let n = last; n <= end; n++) out.add(n);
        last = end;
        j = k;
      } else if (last === undefined || !['et', 'and', prefix].includes(x)) break;
    }
  }
  return out;
}

/** The ways a document may write `YYYY-MM-DD`, folded: `2 octobre 2026`, `02 10 2026`, `2026 10 02`, `october 2 2026`. */
export function dateForms(iso: string): string[] {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(mo).padStart(2, '0');
  const days = d === 1 ? ['1er', '1', '01'] : [String(d), dd];
  const months = [MONTHS_FR[mo - 1]!, MONTHS_EN[mo - 1]!, MONTHS_FR[mo - 1]!.slice(0, 3), MONTHS_EN[mo - 1]!.slice(0, 3), String(mo), mm];
  const forms = new Set<string>([`${y} ${mm} ${dd}`, `${MONTHS_EN[mo - 1]} ${d} ${y}`]);
  for (const day of days) for (const month of months) forms.add(`${day} ${month} ${y}`);
  return [...forms];
}

function hasForm(folded: string, forms: readonly string[]): boolean {
  const padded = ` ${folded} `;
  return forms.some((f) => padded.includes(` ${f} `));
}

function whereOf(seg: Segment): string {
  return seg.where.page !== undefined ? `p. ${seg.where.page}` : '';
}

/** What `explain` says the check asks. */
const EXPLAIN = msg({
  en: () => "the statement's signed document must name the requirement (e.g. “IEU 2”), the signatory and the signing date",
  fr: () => 'le document signé de la déclaration doit citer l’exigence (par exemple « IEU 2 »), le signataire et la date de signature',
});

export const statementDocument = defineBuiltinCheck<Options>({
  name: 'statement-document',
  description: "A sworn statement's signed document names the requirement it is filed for, its signatory and its signing date (read from the text layer, or by OCR of a scan).",
  descriptionFr: 'Le document signé d’une déclaration sur l’honneur cite l’exigence qu’il couvre, son signataire et sa date de signature (lus dans le texte, ou par OCR d’une numérisation).',
  schema: { type: 'object', additionalProperties: false, properties: {}, required: [] },
  messages: { ...statementDocumentMessages(), ...readMessages },
  explain(_options, lang) {
    return [say(EXPLAIN, {}, lang)];
  },
  async run(ctx) {
    const { files, slot, requirement } = ctx;
    const file = files[0]!;
    // Reading off (--no-read), or a kind no reader handles: left to the reviewer, as for screenshots.
    if (!ctx.reader?.canRead(file.kind)) return { findings: [] };
    const reading = await readShared(ctx, file)!;
    if (!reading.ok) return { findings: reading.problem === 'unsupported' ? [] : [readProblemFinding(reading.problem, reading.params, slot, file.path)] };
    const segments = reading.segments.filter(legible);
    if (segments.length === 0) return { findings: [{ code: 'statement-document.illegible', severity: 'error', slot, file: file.path, params: { via: reading.via } }] };

    const text = segments.map((seg) => seg.text).join('\n');
    const folded = fold(text);
    const id = splitId(requirement);
    const findings: BuiltinFinding[] = [];
    if (id && !namedNumbers(text, id.prefix).has(id.n)) {
      findings.push({ code: 'statement-document.requirement-not-named', severity: 'error', slot, file: file.path, params: { requirement } });
    }
    const signatory = ctx.statement?.signatory?.trim();
    const signedBy = signatory ? segments.find((seg) => findPhrase(tokensOf(seg), [signatory])) : undefined;
    if (signatory && !signedBy) findings.push({ code: 'statement-document.signatory-not-named', severity: 'warning', slot, file: file.path, params: { signatory } });
    const signedOn = ctx.statement?.signedOn;
    if (signedOn && !hasForm(folded, dateForms(signedOn))) findings.push({ code: 'statement-document.date-not-found', severity: 'warning', slot, file: file.path, params: { signedOn } });
    if (findings.length === 0) findings.push({ code: 'statement-document.read', severity: 'info', slot, file: file.path, params: { requirement, where: signedBy ? whereOf(signedBy) : '' } });
    return { findings };
  },
});

function statementDocumentMessages() {
  const at = (p: ParamsIn<'where'>): string => (p.where ? ` (${s(p.where)})` : '');
  return {
    'statement-document.read': msg<'requirement' | 'where'>({
      en: (p) => `Read: the signed statement names ${s(p.requirement)}, its signatory and its date${at(p)}.`,
      fr: (p) => `Lu\u00a0: la déclaration signée cite l’exigence ${s(p.requirement)}, son signataire et sa date${at(p)}.`,
    }),
    'statement-document.requirement-not-named': msg<'requirement'>({
      en: (p) => `The signed statement does not name ${s(p.requirement)}: a reviewer cannot tell it is the statement filed for this requirement.`,
      fr: (p) => `La déclaration signée ne cite pas l’exigence ${s(p.requirement)}\u00a0: le relecteur ne peut pas savoir qu’elle porte sur cette exigence.`,
      hint: {
        en: (p) => `Name the requirement in the signed document (“${s(p.requirement)}”; one document may list several requirements).`,
        fr: (p) => `Citez l’exigence dans le document signé (« ${s(p.requirement)} » ; un même document peut en énumérer plusieurs).`,
      },
    }),
    'statement-document.signatory-not-named': msg<'signatory'>({
      en: (p) => `The signed statement does not give the signatory's name the manifest gives (${s(p.signatory)}).`,
      fr: (p) => `La déclaration signée ne porte pas le nom du signataire indiqué dans le manifeste (${s(p.signatory)}).`,
      hint: {
        en: () => 'The document and the manifest should name the same signatory, typed next to the signature.',
        fr: () => 'Le document et le manifeste doivent nommer le même signataire, en toutes lettres près de la signature.',
      },
    }),
    'statement-document.date-not-found': msg<'signedOn'>({
      en: (p) => `The signing date the manifest gives (${s(p.signedOn)}) was not read in the signed statement.`,
      fr: (p) => `La date de signature indiquée dans le manifeste (${s(p.signedOn)}) n’a pas été lue dans la déclaration signée.`,
      hint: {
        en: () => 'Date the document (“Fait le 2 octobre 2026”) with the date given as `signed_on`.',
        fr: () => 'Datez le document (« Fait le 2 octobre 2026 ») de la date donnée en `signed_on`.',
      },
    }),
    'statement-document.illegible': msg({
      en: () => 'Nothing legible could be read in the signed statement: a reviewer must be able to read it.',
      fr: () => "Rien de lisible n’a pu être lu dans la déclaration signée\u00a0: le relecteur doit pouvoir la lire.",
      hint: {
        en: () => 'Provide the PDF as signed, or a scan at 150 dpi or more.',
        fr: () => 'Fournissez le PDF tel que signé, ou une numérisation à 150 dpi au moins.',
      },
    }),
  } satisfies TypedCatalog;
}

/** The codes the statement-document check emits. */
export type StatementDocumentMessages = ReturnType<typeof statementDocumentMessages>;
