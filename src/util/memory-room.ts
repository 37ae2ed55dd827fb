import { readFileSync } from 'node:fs';
import v8 from 'node:v8';

/*
 * Room left to this process, asked before large work so that a memory limit ends in a clear message
 * instead of V8's fatal error (which no JavaScript can catch): the heap (--max-old-space-size), and
 * the address space (`ulimit -v`), which a worker thread needs a large share of just to start.
 */

const MIB = 1024 * 1024;

/** Bytes the JavaScript heap may still grow by before V8's limit. */
export function heapRoom(): number {
  const h = v8.getHeapStatistics();
  return h.heap_size_limit - h.used_heap_size;
}

/** The heap limit, in MiB (what --max-old-space-size sets). */
export function heapLimitMib(): number {
  return Math.round(v8.getHeapStatistics().heap_size_limit / MIB);
}

/**
 * Address space a worker thread reserves as it starts (its own heap and code range): measured on
 * Node 20 and Linux between 470 and 670 MiB, so 768 MiB with the margin.
 */
const THREAD_ADDRESS_SPACE = 768 * MIB;
/** Address space kept for the main thread to grow. */
const MAIN_MARGIN = 256 * MIB;

/** The soft `ulimit -v` and the address space in use, from /proc (Linux); undefined where unknown or unlimited. */
function addressSpace(): { limit: number; used: number } | undefined {
  try {
    const limits = /^Max address space\s+(\d+|unlimited)\s/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (!limits || limits[1] === 'unlimited') return undefined;
    const vm = /^VmSize:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return vm ? { limit: Number(limits[1]), used: Number(vm[1]) * 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How many of `wanted` more threads this process can start: under `ulimit -v`, a thread that cannot
 * reserve its address space aborts the whole process, where the work would have fit on one thread.
 */
export function threadsThatFit(wanted: number): number {
  const space = addressSpace();
  if (!space) return wanted;
  return Math.max(0, Math.min(wanted, Math.floor((space.limit - space.used - MAIN_MARGIN) / THREAD_ADDRESS_SPACE)));
}
