/*
 * A small ZIP (APPNOTE 6.3) writer and reader for sealed dossiers: stored or deflated entries,
 * no ZIP64, no encryption. The writer (zip-write.ts) is deterministic; the reader (zip-read.ts)
 * treats every zip as hostile.
 */
export { ZipError, type ZipEntry } from './zip-format.js';
export { dosDateTime, writeZip, type ZipSource } from './zip-write.js';
export { extractZip, openZip, readZipEntries, type ZipReader } from './zip-read.js';
