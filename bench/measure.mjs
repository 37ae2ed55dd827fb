// Shared by the benches: runs a command in a child process and measures its wall time, CPU time and
// peak RSS; runs several cases interleaved (A B A B …) so that the machine's drift hits all of them;
// reduces repeated runs to medians with their min–max, and ratios pair by pair (run i of A against
// run i of B, then the median of those ratios). Nothing here asserts: the benches print targets as
// met or missed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-hook.cjs');
const TIME = '/usr/bin/time';
const MB = 1024 * 1024;

/**
 * Runs `argv` once. A Node script (`node: true`) is started with the RSS hook preloaded, which
 * reports peak RSS and CPU time from inside; any other command goes through GNU time when present.
 */
export function runOnce({ argv, node = true, cwd, env, input }) {
  let cmd;
  let args;
  if (node) {
    cmd = process.execPath;
    args = ['--require', HOOK, ...argv];
  } else if (existsSync(TIME)) {
    cmd = TIME;
    args = ['-f', 'BENCH_TIME %M %U %S', ...argv];
  } else {
    [cmd, ...args] = argv;
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 64 * MB });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const stderr = r.stderr ?? '';
  let rssMiB = NaN;
  let cpuSeconds = NaN;
  const hook = /BENCH_USAGE (\d+) (\d+) (\d+)/.exec(stderr);
  const time = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  if (hook) {
    rssMiB = Number(hook[1]) / 1024;
    cpuSeconds = (Number(hook[2]) + Number(hook[3])) / 1e6;
  } else if (time) {
    rssMiB = Number(time[1]) / 1024;
    cpuSeconds = Number(time[2]) + Number(time[3]);
  }
  const ok = r.status === 0;
  let detail = {};
  if (ok) {
    try {
      detail = JSON.parse((r.stdout ?? '').trim().split('\n').pop() || '{}');
    } catch {
      detail = {};
    }
  }
  const error = ok ? undefined : (stderr.split('\n').find((l) => /Error|error|heap|Cannot|invalid/.test(l))?.trim().slice(0, 90) ?? `exit ${r.status}`);
  return { seconds, cpuSeconds, rssMiB, ok, status: r.status, detail, error, stdout: r.stdout ?? '' };
}

export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function spread(values) {
  const v = values.filter(Number.isFinite);
  return v.length === 0 ? { median: NaN, min: NaN, max: NaN } : { median: median(v), min: Math.min(...v), max: Math.max(...v) };
}

/**
 * Runs every case `runs` times, interleaved: round 1 runs A, B, C…, round 2 again A, B, C…
 * `onRun` is told of each run (for a progress line). Returns, per case, its runs and the load
 * average before and after the whole set.
 */
export function interleave(cases, runs, onRun = () => {}) {
  const before = os.loadavg()[0];
  const results = cases.map((c) => ({ ...c, runs: [] }));
  for (let round = 0; round < runs; round++) {
    for (const c of results) {
      const r = c.run ? c.run() : runOnce(c);
      c.runs.push(r);
      onRun(c, round, r);
    }
  }
  const after = os.loadavg()[0];
  return { cases: results, loadBefore: before, loadAfter: after };
}

/** Summary of a case's runs: medians with min–max of wall time, CPU time and peak RSS; failures counted. */
export function summarise(c) {
  const good = c.runs.filter((r) => r.ok);
  return {
    ok: good.length === c.runs.length && good.length > 0,
    failed: c.runs.length - good.length,
    error: c.runs.find((r) => !r.ok)?.error,
    status: c.runs.find((r) => !r.ok)?.status,
    wall: spread(good.map((r) => r.seconds)),
    cpu: spread(good.map((r) => r.cpuSeconds)),
    rss: spread(good.map((r) => r.rssMiB)),
    detail: good[0]?.detail ?? {},
  };
}

/**
 * Pair-by-pair ratio `base / other` of wall times (how many times faster `other` is than `base`),
 * over the rounds where both succeeded: median with min–max.
 */
export function pairedRatio(base, other, pick = (r) => r.seconds) {
  const ratios = [];
  for (let i = 0; i < Math.min(base.runs.length, other.runs.length); i++) {
    const a = base.runs[i];
    const b = other.runs[i];
    if (a.ok && b.ok) ratios.push(pick(a) / pick(b));
  }
  return spread(ratios);
}

export function fmtSpread(s, digits = 2, unit = '') {
  if (!Number.isFinite(s.median)) return '-';
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

export function pad(s, n, right = false) {
  const str = String(s);
  return right ? str.padStart(n) : str.padEnd(n);
}
