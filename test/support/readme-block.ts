import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './run-cli.js';

const README = path.join(ROOT, 'README.md');

/** Lines two texts share, over the longer one's count: how alike an old README block is to a new output. */
function likeness(a: string, b: string): number {
  const bl = new Set(b.split('\n'));
  const al = a.split('\n');
  return al.filter((l) => l !== '' && bl.has(l)).length / Math.max(al.length, b.split('\n').length);
}

/** The README's fenced blocks opened by `fence` (e.g. "```text"), each as its whole text with the fences. */
function fencedBlocks(readme: string, fence: string): string[] {
  const out: string[] = [];
  for (let at = readme.indexOf(`${fence}\n`); at >= 0; at = readme.indexOf(`${fence}\n`, at + 1)) {
    const end = readme.indexOf('\n```', at + fence.length);
    if (end < 0) break;
    out.push(readme.slice(at, end + 4));
    at = end + 3;
  }
  return out;
}

/**
 * Expects the README (or another page of the docs, `file`) to show `block` (real output, fenced). With
 * `UPDATE_README=1`, a page that has drifted is rewritten: the fenced block most like the new one (half
 * its lines at least) is replaced.
 */
export function expectReadmeFenced(fence: string, body: string, file = README): void {
  const block = `${fence}\n${body}\`\`\``;
  const readme = readFileSync(file, 'utf8');
  if (process.env.UPDATE_README === '1' && !readme.includes(block)) {
    const best = fencedBlocks(readme, fence)
      .map((old) => ({ old, score: likeness(old, block) }))
      .sort((x, y) => y.score - x.score)[0];
    if (best !== undefined && best.score >= 0.5) {
      writeFileSync(file, readme.replace(best.old, () => block));
      return;
    }
  }
  expect(readme).toContain(block);
}

/** Expects the README to hold the Markdown table that starts with `head`; `UPDATE_README=1` rewrites its rows. */
export function expectReadmeTable(head: string, rows: string): void {
  const readme = readFileSync(README, 'utf8');
  const at = readme.indexOf(head);
  if (process.env.UPDATE_README === '1' && at >= 0 && !readme.includes(`${head}${rows}`)) {
    const rest = readme.slice(at + head.length);
    const end = /^(?!\|)/m.exec(rest)!.index;
    writeFileSync(README, readme.slice(0, at) + head + rows + rest.slice(end));
    return;
  }
  expect(readme).toContain(`${head}${rows}`);
}
