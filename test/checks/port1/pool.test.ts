import { describe, expect, it } from 'vitest';
import { defaultWorkerCount } from '../../../src/checks/port1/analysis/pool.js';

describe('defaultWorkerCount: threads only when a core is idle for them', () => {
  it('gives a quiet two-core machine one worker beside the reading thread', () => {
    expect(defaultWorkerCount(2, 0.2)).toBe(1);
    expect(defaultWorkerCount(2, 0)).toBe(1);
  });

  it('falls back to one thread when the other core is taken', () => {
    expect(defaultWorkerCount(2, 1)).toBe(0);
    expect(defaultWorkerCount(2, 2.3)).toBe(0);
    expect(defaultWorkerCount(2, 14)).toBe(0);
  });

  it('never starts a worker on one core, whatever the load', () => {
    expect(defaultWorkerCount(1, 0)).toBe(0);
  });

  it('counts the idle cores of a larger machine, at most four workers', () => {
    expect(defaultWorkerCount(8, 0)).toBe(4);
    expect(defaultWorkerCount(8, 4)).toBe(3);
    expect(defaultWorkerCount(8, 5.6)).toBe(1);
    expect(defaultWorkerCount(8, 7.2)).toBe(0);
  });

  it('treats a missing load average (Windows reports 0) as idle cores', () => {
    expect(defaultWorkerCount(4, 0)).toBe(3);
  });
});
