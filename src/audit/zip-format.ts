/*
 * What the zip writer and reader share (APPNOTE 6.3): signatures, flags, the entry model, the
 * error, the name rule. Stored or deflated entries, no ZIP64, no encryption.
 */

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
export const FLAG_UTF8 = 0x0800;
export const FLAG_ENCRYPTED = 0x0001;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const MAX_32 = 0xffffffff;
export const MAX_ENTRIES = 0xffff;
export const CHUNK = 1024 * 1024;

/** A zip that cannot be written (too large for plain ZIP) or read (corrupt, unsupported, over a budget). */
export class ZipError extends Error {
  constructor(
    message: string,
    /** The entry concerned, when there is one. */
    readonly entry?: string,
    /** The same in French, when the reason is one a user acts on (a budget); else the English is shown. */
    readonly fr?: string,
    /** `limit`: the zip may be sound, but it is over what dmn-check unpacks. */
    readonly kind: 'corrupt' | 'limit' = 'corrupt',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  /** Name inside the zip, `/` separators, without the trailing slash of a folder. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the uncompressed bytes. */
  crc32: number;
  /** Bytes stored in the zip. */
  compressedSize: number;
  /** Bytes once extracted. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** A folder entry (name ending in `/`). */
  isDirectory: boolean;
  /** Unix mode from the external attributes (0 when the zip was not made on Unix). */
  mode: number;
}

/** Refuses a name that is empty, absolute, holds a backslash or NUL, or climbs with `..`. */
export function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\u0000') || name.split('/').some((p) => p === '..' || p === '.')) {
    throw new ZipError(`invalid entry name ${JSON.stringify(name)}`, name);
  }
}
