import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { builtin } from '../../util/builtin.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** Whether a digital signature (PAdES / PKCS#7 signature dictionary) is required; a handwritten scan then fails. Default true. */
  require_signature?: boolean;
  /** Whether the document must name the product (the manifest's product name). Default true. */
  require_product?: boolean;
  /** Words the document must also contain (any case, accents ignored), e.g. `INSi`. */
  mentions?: string[];
  /** Largest PDF read, in bytes. Default 32 MiB. */
  max_bytes?: number;
}

/** What a PDF's bytes tell of its signatures and text. */
export interface PdfReading {
  /** Signature dictionaries (`/Type /Sig` or `/ByteRange` with `/Contents`). */
  signatures: { subFilter: string | undefined; signedOn: string | undefined }[];
  /** Text of literal strings in the content streams (inflated when Flate-compressed), folded. */
  text: string;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `D:20261002143000+02'00'` → `2026-10-02`. */
export function pdfDate(d: string | undefined): string | undefined {
  const m = d ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(d) : null;
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : undefined;
}

/**
 * Reads signature dictionaries and shown text from a PDF without a PDF library: signatures by their
 * dictionary keys (`/ByteRange`, `/SubFilter`, `/M`), text from the `( … ) Tj` strings of content
 * streams, Flate-compressed or not. Enough to say "signed, on that date, names the product"; the
 * cryptographic validity of the signature is not verified.
 */
export function readPdf(bytes: Buffer): PdfReading {
  const latin = bytes.toString('latin1');
  const signatures: PdfReading['signatures'] = [];
  for (const m of latin.matchAll(/<<((?:(?!<<|>>)[\s\S]){0,4000}?\/ByteRange\s*\[[\s\S]{0,4000}?)>>/g)) {
    const dict = m[1]!;
    signatures.push({ subFilter: /\/SubFilter\s*\/([\w.]+)/.exec(dict)?.[1], signedOn: pdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1]) });
  }
  const pieces: string[] = [];
  const strings = (s: string): void => {
    for (const t of s.matchAll(/\(((?:\\.|[^\\)]){1,2000})\)\s*(?:Tj|'|")|\[((?:[^\]]){1,20000})\]\s*TJ/g)) {
      if (t[1] !== undefined) pieces.push(unescape(t[1]));
      else for (const u of t[2]!.matchAll(/\(((?:\\.|[^\\)])*)\)/g)) pieces.push(unescape(u[1]!));
    }
  };
  let streams = 0;
  for (const m of latin.matchAll(/<<([^]{0,8192}?)>>\s*stream\r?\n/g)) {
    if (++streams > 10_000) break;
    const start = m.index + m[0].length;
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    const raw = bytes.subarray(start, end);
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        strings(builtin('node:zlib').inflateSync(raw, { maxOutputLength: 64 * 1024 * 1024 }).toString('latin1'));
      } catch {
        // A stream that does not inflate (an image, a broken stream) holds no text we can read.
      }
    } else if (!/\/Filter/.test(m[1]!)) strings(raw.toString('latin1'));
  }
  return { signatures, text: fold(pieces.join(' ')) };
}

function unescape(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' })[c] ?? String.fromCharCode(parseInt(c, 8)));
}

/** Wording of the signed-PDF check. */
const MESSAGES = {
  'pdf.not-pdf': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not a PDF: a digitally signed PDF is expected.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non un PDF\u00a0: un PDF signé électroniquement est attendu.`,
  }),
  'pdf.too-large': msg<'bytes' | 'file' | 'limit'>({
    en: (p) => `${s(p.file)} (${s(p.bytes)} bytes) is larger than the ${s(p.limit)} bytes read.`,
    fr: (p) => `${s(p.file)} (${s(p.bytes)} octets) dépasse les ${s(p.limit)} octets lus.`,
  }),
  'pdf.unsigned': msg<'file'>({
    en: (p) => `${s(p.file)} carries no digital signature (no PAdES or PKCS#7 signature dictionary).`,
    fr: (p) => `${s(p.file)} ne porte pas de signature électronique (aucun dictionnaire de signature PAdES ou PKCS#7).`,
    hint: { en: () => 'Sign the PDF electronically (PAdES), or give the signed original.', fr: () => 'Signez le PDF électroniquement (PAdES), ou fournissez l’original signé.' },
  }),
  'pdf.signed-later': msg<'asOf' | 'date'>({
    en: (p) => `The signature is dated ${s(p.date)}, after the as-of date ${s(p.asOf)}.`,
    fr: (p) => `La signature est datée du ${s(p.date)}, après la date d’évaluation ${s(p.asOf)}.`,
  }),
  'pdf.product-absent': msg<'product'>({
    en: (p) => `The document does not name the product "${s(p.product)}".`,
    fr: (p) => `Le document ne nomme pas le produit « ${s(p.product)} ».`,
    hint: { en: () => 'The document must be about this product, named as in the manifest.', fr: () => 'Le document doit porter sur ce produit, nommé comme dans le manifeste.' },
  }),
  'pdf.mention-absent': msg<'word'>({
    en: (p) => `The document does not mention "${s(p.word)}".`,
    fr: (p) => `Le document ne mentionne pas « ${s(p.word)} ».`,
  }),
  'pdf.signed': msg<'date' | 'signed' | 'subfilter'>({
    en: (p) => (Number(p.signed) ? `Signed PDF (${s(p.subfilter) || 'signature'}${p.date ? `, ${s(p.date)}` : ''}) naming the product; the signature itself is not verified.` : 'The PDF names the product; it carries no digital signature (a handwritten signature on a scan is for the reviewer to see).'),
    fr: (p) => (Number(p.signed) ? `PDF signé (${s(p.subfilter) || 'signature'}${p.date ? `, ${s(p.date)}` : ''}) nommant le produit ; la signature elle-même n’est pas vérifiée.` : 'Le PDF nomme le produit ; il ne porte pas de signature électronique (une signature manuscrite numérisée relève de l’examinateur).'),
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type SignedPdfMessages = typeof MESSAGES;

/**
 * RGPD 1, INS 39 / 40, ApCV 1, PSC 3 / 6: the document is a PDF that carries a digital signature
 * (PAdES or PKCS#7 signature dictionary) dated no later than --as-of, and names the product and any
 * required words. A signature's cryptographic validity is not verified (reported as info).
 */
export const signedPdf = defineBuiltinCheck<Options>({
  name: 'signed-pdf',
  messages: MESSAGES,
  description: 'PDF with a digital signature (PAdES/PKCS#7 dictionary) dated no later than --as-of, naming the product and the required words; the signature itself is not verified.',
  descriptionFr: 'PDF portant une signature électronique (dictionnaire PAdES/PKCS#7) datée au plus tard de --as-of, citant le produit et les mots exigés ; la signature elle-même n’est pas vérifiée.',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      require_signature: { type: 'boolean', nullable: true },
      require_product: { type: 'boolean', nullable: true },
      mentions: { type: 'array', items: { type: 'string', minLength: 1 }, nullable: true },
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
    },
  },
  async run({ files, options, slot, asOf, product }) {
    const findings: BuiltinFinding[] = [];
    const limit = options.max_bytes ?? 32 * 1024 * 1024;
    for (const f of files) {
      if (f.kind !== 'pdf') {
        if (options.require_signature ?? true) findings.push({ code: 'pdf.not-pdf', severity: 'error', slot, file: f.path, params: { kind: f.mime } });
        continue;
      }
      if (f.bytes > limit) {
        findings.push({ code: 'pdf.too-large', severity: 'error', slot, file: f.path, params: { bytes: f.bytes, limit } });
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const c of f.chunks()) chunks.push(c);
      const pdf = readPdf(Buffer.concat(chunks));
      const before = findings.length;
      const sig = pdf.signatures[0];
      if (!sig) {
        if (options.require_signature ?? true) findings.push({ code: 'pdf.unsigned', severity: 'error', slot, file: f.path });
      } else if (sig.signedOn && sig.signedOn > asOf) findings.push({ code: 'pdf.signed-later', severity: 'error', slot, file: f.path, params: { date: sig.signedOn, asOf } });
      if ((options.require_product ?? true) && product && !pdf.text.includes(fold(product.name))) findings.push({ code: 'pdf.product-absent', severity: 'error', slot, file: f.path, params: { product: product.name } });
      for (const w of options.mentions ?? []) if (!pdf.text.includes(fold(w))) findings.push({ code: 'pdf.mention-absent', severity: 'error', slot, file: f.path, params: { word: w } });
      if (findings.length === before) findings.push({ code: 'pdf.signed', severity: 'info', slot, file: f.path, params: { signed: sig ? 1 : 0, date: sig?.signedOn ?? '', subfilter: sig?.subFilter ?? '' } });
    }
    return { findings };
  },
});
