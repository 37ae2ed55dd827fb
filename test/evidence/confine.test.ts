import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinePath } from '../../src/evidence/evidence-file.js';

/** What confinePath gave before its fast path for paths already normal: the reference it must agree with. */
function reference(relPath: string): string | undefined {
  if (relPath.includes('\u0000')) return undefined;
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return undefined;
  const normal = path.posix.normalize(relPath.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) return undefined;
  if (normal.split('/').includes('..')) return undefined;
  return normal === '.' ? undefined : normal;
}

describe('confinePath', () => {
  const cases = [
    'evidence/ieu7/login.png',
    'a',
    '.hidden/file',
    'dir/.env',
    '..hidden',
    'a/..b/c',
    'a..',
    './a',
    'a/./b',
    'a//b',
    'a/',
    'a/../b',
    '../a',
    'a/../../b',
    '..',
    '.',
    '',
    '/etc/passwd',
    'C:/x',
    'c:x',
    'C:\\x',
    '\\\\server\\share',
    'a\\..\\..\\b',
    'a\\b',
    'a\u0000b',
    'résumé/é.pdf',
    'a:b/c',
    ' spaced / name ',
  ];
  it.each(cases)('agrees with the normalising reference on %j', (p) => {
    expect(confinePath(p)).toBe(reference(p));
  });

  it('agrees with the reference on any path made of separators, dots, colons and letters', () => {
    const piece = fc.constantFrom('/', '.', '..', '\\', ':', 'C', 'a', 'é', '\u0000', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const p = parts.join('');
        expect(confinePath(p)).toBe(reference(p));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what climbs out, is absolute or holds NUL', () => {
    for (const p of ['../a', 'a/../../b', '/etc/passwd', 'C:/x', '\\\\server\\share', 'a\u0000b', '..', '.']) expect(confinePath(p)).toBeUndefined();
  });
});
