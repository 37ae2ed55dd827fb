import type { ZipFile, Entry } from 'yauzl';

/** Largest `content.xml` read (uncompressed), against zip bombs. */
const MAX_CONTENT_BYTES = 32 * 1024 * 1024;

/**
 * The text of an OpenDocument text (ODT): its `content.xml`, tags dropped, paragraphs and line
 * breaks as lines. The uncompressed size is bounded while inflating (a zip bomb stops early).
 */
export async function readOdt(data: Buffer): Promise<{ ok: true; text: string } | { ok: false; problem: 'encrypted' | 'corrupt' | 'too-large' }> {
  const yauzl = (await import('yauzl')).default;
  const zip = await new Promise<ZipFile | undefined>((resolve) => yauzl.fromBuffer(data, { lazyEntries: true }, (err, z) => resolve(err ? undefined : z)));
  if (!zip) return { ok: false, problem: 'corrupt' };
  try {
    const xml = await new Promise<Buffer | 'encrypted' | 'too-large' | undefined>((resolve) => {
      let manifestEncrypted = false;
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName === 'META-INF/manifest.xml' || entry.fileName === 'content.xml') {
          zip.openReadStream(entry, (err, stream) => {
            if (err || !stream) return resolve(undefined);
            const parts: Buffer[] = [];
            let total = 0;
            stream.on('data', (c: Buffer) => {
              total += c.length;
              if (total > MAX_CONTENT_BYTES) {
                stream.destroy();
                resolve('too-large');
              } else parts.push(c);
            });
            stream.on('error', () => resolve(undefined));
            stream.on('end', () => {
              const body = Buffer.concat(parts);
              if (entry.fileName === 'META-INF/manifest.xml') {
                manifestEncrypted = body.includes('encryption-data');
                zip.readEntry();
              } else resolve(manifestEncrypted ? 'encrypted' : body);
            });
          });
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(manifestEncrypted ? 'encrypted' : undefined));
      zip.on('error', () => resolve(undefined));
      zip.readEntry();
    });
    if (xml === 'encrypted') return { ok: false, problem: 'encrypted' };
    if (xml === 'too-large') return { ok: false, problem: 'too-large' };
    if (!xml) return { ok: false, problem: 'corrupt' };
    return { ok: true, text: odtText(xml.toString('utf8')) };
  } finally {
    zip.close();
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of ODF XML: paragraph, heading and break ends as new lines, spaces kept, tags and entities resolved. */
export function odtText(xml: string): string {
  const body = xml.replace(/^[\s\S]*?<office:body>/, '');
  return body
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, n: string | undefined) => ' '.repeat(Math.min(Number(n ?? 1), 100)))
    .replace(/<text:(?:tab|line-break)\s*\/>/g, ' ')
    .replace(/<\/text:(?:p|h)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? charRef(e) : (ENTITIES[e] ?? m)));
}

function charRef(e: string): string {
  const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}
