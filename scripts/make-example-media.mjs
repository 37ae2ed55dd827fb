#!/usr/bin/env node
// Writes the small synthetic screenshots and PDFs the example dossiers use (deterministic bytes).
// Usage: node scripts/make-example-media.mjs OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A width×height RGB PNG: a title bar, a "form" and a button, in the given accent colour. */
export function png(width, height, accent) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      let rgb = [245, 245, 245];
      if (y < height / 8) rgb = accent;
      else if (y > height * 0.3 && y < height * 0.4 && x > width * 0.2 && x < width * 0.8) rgb = [255, 255, 255];
      else if (y > height * 0.5 && y < height * 0.6 && x > width * 0.2 && x < width * 0.8) rgb = [255, 255, 255];
      else if (y > height * 0.7 && y < height * 0.8 && x > width * 0.35 && x < width * 0.65) rgb = accent;
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with the given lines of ASCII text (valid xref offsets). */
export function pdf(lines) {
  const text = lines.map((l, i) => `BT /F1 12 Tf 56 ${760 - i * 18} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// Run as a script only (the scale bench imports png()).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2]) {
  const out = process.argv[2];
  mkdirSync(out, { recursive: true });
  const files = {
    'identity-change-1.png': png(96, 64, [0, 84, 166]),
    'identity-change-2.png': png(96, 64, [0, 120, 80]),
    'ins-login.png': png(96, 64, [120, 40, 140]),
    'account-ins.png': png(96, 64, [200, 90, 0]),
    'two-factor-1.png': png(96, 64, [180, 0, 40]),
    'two-factor-2.png': png(96, 64, [180, 60, 40]),
    'statement-signed.pdf': pdf(['Declaration sur l honneur (synthetic example)', 'Signed: Jeanne Martin, Presidente']),
    'two-factor-responsibility.pdf': pdf(['Engagement de responsabilite 2FA (synthetic example)', 'Signed: Jeanne Martin, Presidente']),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(out, name), bytes);
  console.log(Object.keys(files).join('\n'));
}
