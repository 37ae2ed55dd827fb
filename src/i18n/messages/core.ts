import { msg, s, type Lang, type TypedCatalog } from '../types.js';
import { proseDate } from '../format.js';
import { GROUP_WORDS } from '../kind-words.js';
import type { Localized } from '../../report/report.js';

/** `a, b` → `ni a ni b` (or `pas a` for one name): what French says of answers that are absent. */
function niList(v: string | number | undefined): string {
  const names = s(v).split(/,\s*/).filter((x) => x !== '');
  return names.length <= 1 ? `pas ${names[0] ?? ''}` : names.map((n) => `ni ${n}`).join(' ');
}

/** `a, b, c` → `a, b et c`. */
function etList(v: string | number | undefined): string {
  const names = s(v).split(/,\s*/).filter((x) => x !== '');
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
}

function lowerFirst(t: string): string {
  return t.length > 1 && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

/** What a path names when it is not a regular file, in French (FRENCH.md #2). */
const NOT_REGULAR_FR: Record<string, string> = {
  directory: 'un dossier',
  fifo: 'un tube nommé (FIFO)',
  socket: 'un socket',
  device: 'un périphérique',
};

const SHORT_KINDS: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/webm': 'WebM',
  'application/pdf': 'PDF',
};

/** `image/png` → `PNG`: the name people give a format. */
function shortKind(mime: string): string {
  return SHORT_KINDS[mime] ?? mime;
}

/** A list of MIME types as format names: `PNG, JPEG, …, PDF`. */
function shortKinds(v: string | number | undefined): string {
  return s(v)
    .split(/,\s*/)
    .map((m) => shortKind(m))
    .join(', ');
}

/** A sniffed MIME type as a French reader names the kind of file (FRENCH.md #10). */
function kindFr(mime: string): string {
  if (mime.startsWith('text/')) return 'un fichier texte';
  if (mime.startsWith('image/')) return `une image ${shortKind(mime)}`;
  if (mime.startsWith('video/')) return `une vidéo ${shortKind(mime)}`;
  if (mime === 'application/pdf') return 'un PDF';
  if (mime === 'application/zip') return 'une archive zip';
  return `un fichier de type ${mime}`;
}

/** A single kind of `accepts:`, as a reader says it; the others are named as the ruleset writes them. */
const EXPECTS_KIND: Record<string, Localized> = {
  pdf: { en: 'a PDF', fr: 'un PDF' },
  png: { en: 'a PNG image', fr: 'une image PNG' },
  jpeg: { en: 'a JPEG image', fr: 'une image JPEG' },
  json: { en: 'a JSON file', fr: 'un fichier JSON' },
  'fhir-json': { en: 'FHIR JSON', fr: 'du JSON FHIR' },
  ndjson: { en: 'an NDJSON file', fr: 'un fichier NDJSON' },
  csv: { en: 'a CSV file', fr: 'un fichier CSV' },
  xml: { en: 'an XML file', fr: 'un fichier XML' },
  hl7v2: { en: 'HL7 v2 messages', fr: 'des messages HL7 v2' },
  text: { en: 'a text file', fr: 'un fichier texte' },
  markdown: { en: 'a Markdown file', fr: 'un fichier Markdown' },
  html: { en: 'an HTML file', fr: 'un fichier HTML' },
  yaml: { en: 'a YAML file', fr: 'un fichier YAML' },
  docx: { en: 'a Word document (DOCX)', fr: 'un document Word (DOCX)' },
  odt: { en: 'an OpenDocument text (ODT)', fr: 'un texte OpenDocument (ODT)' },
};

const OR: Record<Lang, string> = { en: 'or', fr: 'ou' };

/** `screenshot` → `une capture d’écran, une vidéo ou un PDF`; `flow, csv` → `un flux (…) ou un fichier CSV`: a slot's expectations in words. */
function expectsText(v: string | number | undefined, lang: 'en' | 'fr'): string {
  const names = s(v).split(/,\s*/).filter((x) => x !== '');
  const words = names.map((n) => GROUP_WORDS[n]?.[lang].expected ?? EXPECTS_KIND[n]?.[lang] ?? n);
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${OR[lang]} ${words.at(-1)!}`;
}

/** A path too long to show whole: its first 79 characters and an ellipsis. */
const shorten = (v: string): string => (v.length <= 80 ? v : `${v.slice(0, 79)}…`);

/** Wording of the engine's own findings and of the generic checks. */
export const coreMessages = {
  'fact.missing': msg<'facts'>({
    en: (p) => `Applicability depends on ${s(p.facts).includes(',') ? 'facts' : 'fact'} ${s(p.facts)}, which the manifest does not answer.`,
    fr: (p) => `Impossible de dire si l’exigence s’applique\u00a0: le manifeste ne renseigne ${niList(p.facts)}.`,
    hint: {
      en: (p) => `Answer ${s(p.facts)} under \`facts:\` (\`dmn-check init\` writes the questions).`,
      fr: (p) => `Renseignez ${etList(p.facts)} dans la section \`facts:\` (les questions figurent en commentaire dans le modèle écrit par \`dmn-check init\`).`,
    },
  }),
  'slot.missing': msg<'expects_en' | 'expects_fr' | 'slot' | 'title_en' | 'title_fr'>({
    en: (p) => `No evidence given for "${s(p.slot)}" (${s(p.title_en)}).`,
    fr: (p) => `Aucune preuve fournie pour « ${s(p.slot)} » (${s(p.title_fr)}).`,
    hint: {
      en: (p) => `Provide: ${s(p.expects_en)}`,
      fr: (p) => `fournir ${lowerFirst(s(p.expects_fr))}`,
    },
  }),
  'slot.too-many-files': msg<'count' | 'slot'>({
    en: (p) => `"${s(p.slot)}" takes one file; ${s(p.count)} were given.`,
    fr: (p) => `« ${s(p.slot)} » n’accepte qu’un fichier ; ${s(p.count)} ont été fournis.`,
    hint: { en: () => 'Keep the one file that applies.', fr: () => 'ne gardez que le fichier pertinent.' },
  }),
  'file.missing': msg<'file' | 'suggestion'>({
    en: (p) => `File ${s(p.file)} does not exist.`,
    fr: (p) => `Le fichier ${s(p.file)} n’existe pas.`,
    hint: {
      en: (p) => (p.suggestion ? `Did you mean ${s(p.suggestion)}? (Names count case and accents.)` : 'Paths are relative to the manifest folder; check the spelling or add the file.'),
      fr: (p) => (p.suggestion ? `vouliez-vous dire ${s(p.suggestion)} ? (les noms tiennent compte des majuscules et des accents)` : 'les chemins partent du dossier du manifeste ; vérifiez l’orthographe ou ajoutez le fichier.'),
    },
  }),
  'file.unicode-form': msg<'file' | 'form' | 'stored'>({
    en: (p) => `${s(p.file)} is stored under its name in another Unicode form (${s(p.form)}: ${s(p.form) === 'NFD' ? 'accents as separate marks, as macOS writes them' : 'accented letters as one code point'}) than the manifest types it; it was read.`,
    fr: (p) => `${s(p.file)} est enregistré sous son nom dans une autre forme Unicode (${s(p.form)}\u00a0: ${s(p.form) === 'NFD' ? 'accents codés à part, comme macOS les écrit' : 'lettres accentuées codées d’un seul tenant'}) que celle du manifeste ; il a été lu.`,
    hint: {
      en: () => "Some tools (zip, git, a reviewer's search) will not find it under the name the manifest gives: rename the file as the manifest types it, or avoid accents in evidence names.",
      fr: () => 'certains outils (zip, git, la recherche du relecteur) ne le trouveront pas sous le nom que donne le manifeste\u00a0: renommez le fichier comme le manifeste l’écrit, ou évitez les accents dans les noms des preuves.',
    },
  }),
  'file.not-regular': msg<'file' | 'what'>({
    en: (p) => `${s(p.file)} is a ${s(p.what)}, not a regular file.`,
    fr: (p) => `${s(p.file)} est ${NOT_REGULAR_FR[s(p.what)] ?? `un fichier spécial (${s(p.what)})`}, pas un fichier${s(p.what) === 'directory' ? '' : ' ordinaire'}.`,
    hint: { en: () => 'Name the evidence file itself.', fr: () => 'indiquez le fichier de preuve lui-même.' },
  }),
  'file.loop': msg<'file'>({
    en: (p) => `${s(p.file)} is a symbolic link loop.`,
    fr: (p) => `${s(p.file)} est une boucle de liens symboliques.`,
    hint: { en: () => 'Replace the link by the file.', fr: () => 'remplacez le lien par le fichier.' },
  }),
  'file.name-too-long': msg<'bytes' | 'file' | 'limit'>({
    en: (p) => `The path ${shorten(s(p.file))} (${s(p.bytes)} bytes) is too long for a file system (a name may have at most 255 bytes, a path at most 4,095); no such file can exist.`,
    fr: (p) => `Le chemin ${shorten(s(p.file))} (${s(p.bytes)} octets) est trop long pour un système de fichiers (255 octets au plus par nom, 4 095 pour le chemin) ; aucun fichier ne peut porter ce nom.`,
    hint: { en: () => 'Give the path as it is on disk.', fr: () => 'Indiquez le chemin tel qu’il est sur le disque.' },
  }),
  'file.unreadable': msg<'file' | 'reason'>({
    en: (p) => `${s(p.file)} could not be read (${s(p.reason)}).`,
    fr: (p) => `${s(p.file)} n’a pas pu être lu (${s(p.reason)}).`,
    hint: { en: () => 'Check the file permissions and run again.', fr: () => 'vérifiez les droits du fichier et relancez.' },
  }),
  'file.empty': msg<'file'>({
    en: (p) => `${s(p.file)} is empty.`,
    fr: (p) => `${s(p.file)} est vide.`,
    hint: { en: () => 'Export the evidence again.', fr: () => 'exportez de nouveau la preuve.' },
  }),
  'file.kind': msg<'accepted' | 'expects' | 'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)} (from its content), which this slot does not accept${p.expects ? `: it expects ${expectsText(p.expects, 'en')}` : ''}.`,
    fr: (p) =>
      p.expects
        ? `${s(p.file)} est en réalité ${kindFr(s(p.kind))} (d’après son contenu) ; cet emplacement attend ${expectsText(p.expects, 'fr')}.`
        : `${s(p.file)} est en réalité ${kindFr(s(p.kind))} (d’après son contenu), que cet emplacement n’accepte pas.`,
    hint: {
      en: (p) => `Accepted: ${s(p.accepted)}. The file name's extension is not what counts.`,
      fr: (p) => `formats acceptés\u00a0: ${shortKinds(p.accepted)}. L’extension du fichier n’est pas prise en compte.`,
    },
  }),
  'file.hash-mismatch': msg<'actual' | 'expected' | 'file'>({
    en: (p) => `${s(p.file)}: SHA-256 is ${s(p.actual)}, the manifest expects ${s(p.expected)}.`,
    fr: (p) => `${s(p.file)}\u00a0: l’empreinte SHA-256 du fichier est ${s(p.actual)}, alors que le manifeste indique ${s(p.expected)}.`,
    hint: {
      en: () => 'The file changed since the hash was recorded: restore it, or record the new hash if the change is intended.',
      fr: () => 'le fichier a changé depuis l’enregistrement de l’empreinte\u00a0: restaurez-le, ou enregistrez la nouvelle empreinte si le changement est voulu.',
    },
  }),
  'statement.missing': msg<'reasons_en' | 'reasons_fr' | 'requirement'>({
    en: (p) => `Not applicable (${s(p.reasons_en)}), but no sworn statement is given.`,
    fr: (p) => `Non applicable (${s(p.reasons_fr)}), mais aucune déclaration sur l’honneur n’est fournie.`,
    hint: {
      en: (p) => `Add a justified sworn statement under \`statements: "${s(p.requirement)}":\` (justification, signatory, signed_on).`,
      fr: (p) => `ajoutez une déclaration sur l’honneur justifiée sous \`statements: "${s(p.requirement)}":\` (justification, signatory, signed_on).`,
    },
  }),
  'statement.justification-short': msg<'length' | 'min'>({
    en: (p) => `The statement's justification has ${s(p.length)} characters; at least ${s(p.min)} are needed.`,
    fr: (p) => `La justification de la déclaration compte ${s(p.length)} caractères ; il en faut au moins ${s(p.min)}.`,
    hint: {
      en: () => 'Say why the requirement does not apply to this product, in a full sentence.',
      fr: () => 'expliquez en une phrase complète pourquoi l’exigence ne s’applique pas à ce produit.',
    },
  }),
  'statement.signatory-missing': msg<'field'>({
    en: (p) => `The statement's signatory has no ${s(p.field)}.`,
    fr: (p) => `Le signataire de la déclaration n’a pas de ${s(p.field) === 'name' ? 'nom' : 'fonction'}.`,
    hint: {
      en: () => 'Give `signatory: { name, role }` of a person who may commit the manufacturer.',
      fr: () => 'renseignez `signatory: { name, role }` d’une personne habilitée à engager le fabricant.',
    },
  }),
  'statement.signed-on-missing': msg({
    en: () => 'The statement has no signature date (signed_on).',
    fr: () => 'La déclaration n’a pas de date de signature (signed_on).',
    hint: { en: () => 'Add `signed_on: YYYY-MM-DD`.', fr: () => 'ajoutez `signed_on: AAAA-MM-JJ`.' },
  }),
  'statement.not-yet-signed': msg<'asOf' | 'signedOn'>({
    en: (p) => `The statement is signed on ${s(p.signedOn)}, after the evaluation date ${s(p.asOf)}.`,
    fr: (p) => `La déclaration est signée le ${proseDate(s(p.signedOn), 'fr')}, après la date d’évaluation (${proseDate(s(p.asOf), 'fr')}).`,
    hint: { en: () => 'Check signed_on, or run with a later --as-of.', fr: () => 'vérifiez signed_on, ou relancez avec un --as-of plus tardif.' },
  }),
  'statement.expired': msg<'asOf' | 'expiresOn'>({
    en: (p) => `The statement expired on ${s(p.expiresOn)} (evaluation date ${s(p.asOf)}).`,
    fr: (p) => `La déclaration a expiré le ${proseDate(s(p.expiresOn), 'fr')} (date d’évaluation\u00a0: ${proseDate(s(p.asOf), 'fr')}).`,
    hint: { en: () => 'Have the statement signed again.', fr: () => 'faites signer une nouvelle déclaration et mettez à jour signed_on (et expires_on).' },
  }),
  'statement.document-missing': msg<'file'>({
    en: (p) => `The signed statement's document ${s(p.file)} does not exist.`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} n’existe pas.`,
  }),
  'statement.document-unreadable': msg<'file' | 'reason'>({
    en: (p) => `The signed statement's document ${s(p.file)} cannot be used (${s(p.reason)}).`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} est inutilisable (${s(p.reason)}).`,
  }),
  'statement.document-kind': msg<'file' | 'kind'>({
    en: (p) => `The signed statement's document ${s(p.file)} is ${s(p.kind)}; a PDF or an image is expected.`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} est de type ${s(p.kind)} ; un PDF ou une image est attendu.`,
  }),
  'statement.ignored': msg<'why_en' | 'why_fr'>({
    en: (p) => `A sworn statement is given, but the requirement applies (${s(p.why_en)}): the statement is ignored.`,
    fr: (p) => `Une déclaration sur l’honneur est fournie, mais l’exigence s’applique (${s(p.why_fr)})\u00a0: la déclaration est ignorée.`,
    hint: {
      en: () => 'Either provide the evidence, or correct the facts if the requirement really does not apply.',
      fr: () => 'fournissez les preuves, ou corrigez les faits si l’exigence ne s’applique vraiment pas.',
    },
  }),
  'evidence.ignored': msg({
    en: () => 'Evidence is given for a requirement that does not apply; it is not evaluated.',
    fr: () => "Des preuves sont fournies pour une exigence non applicable ; elles ne sont pas évaluées.",
  }),
  'check.crashed': msg<'check' | 'error'>({
    en: (p) => `Check "${s(p.check)}" could not be carried out: ${s(p.error)}.`,
    fr: (p) => `Le contrôle « ${s(p.check)} » n’a pas pu être mené\u00a0: ${s(p.error)}.`,
    hint: {
      en: () => 'This is not a pass. Run again; if it persists, report it with the file kind concerned.',
      fr: () => "ce n’est pas une réussite. Relancez ; si le problème persiste, signalez-le avec le type de fichier concerné.",
    },
  }),
} satisfies TypedCatalog;
