/** The text of a Word document (DOCX), by mammoth: paragraphs as lines, no formatting. */
export async function readDocx(data: Buffer): Promise<{ ok: true; text: string } | { ok: false; problem: 'encrypted' | 'corrupt' }> {
  // An encrypted Office file is an OLE compound file (D0 CF 11 E0), not a ZIP.
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return { ok: false, problem: 'encrypted' };
  const mammoth = (await import('mammoth')).default;
  try {
    const { value } = await mammoth.extractRawText({ buffer: data });
    return { ok: true, text: value };
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
}
