import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { builtin } from '../../util/builtin.js';

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

/**
 * RGPD 1, INS 39 / 40, ApCV 1, PSC 3 / 6: the document is a PDF that carries a digital signature
 * (PAdES or PKCS#7 signature dictionary) dated no later than --as-of, and names the product and any
 * required words. A signature's cryptographic validity is not verified (reported as info).
 */
export const signedPdf = defineBuiltinCheck<Options>({
  name: 'signed-pdf',
  description: 'PDF with a digital signature (PAdES/PKCS#7 dictionary) dated no later than --as-of, naming the product and the required words; the signature itself is not verified.',
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
