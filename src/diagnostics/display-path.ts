import path from 'node:path';

/** Shows a path relative to `cwd` when it is below it, else its base name: reports never hold absolute paths. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  return path.basename(abs);
}
