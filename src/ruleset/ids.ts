import type { RequirementDef } from './types.js';
import { closest } from '../diagnostics/suggest.js';

/** `IEU 9`, `ieu-9`, `IEU9`, `ieu_9` all normalise to `IEU9`; `IEU 9.1` to `IEU9.1`. */
export function normalizeId(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9.]/g, '');
}

export type IdMatch = { requirement: RequirementDef; scenario?: string } | { suggestion?: string | undefined };

/** Finds a requirement by a loosely typed id; a scenario or proof id selects its requirement. */
export function findRequirement(requirements: readonly RequirementDef[], typed: string): IdMatch {
  const n = normalizeId(typed);
  for (const r of requirements) if (normalizeId(r.id) === n) return { requirement: r };
  for (const r of requirements) {
    for (const s of r.scenarios) {
      const sn = normalizeId(s.id);
      if (sn === n || s.proofs.some((p) => normalizeId(p.id) === n)) return { requirement: r, scenario: s.id };
      if (n.startsWith(`${sn}.`)) return { requirement: r, scenario: s.id };
    }
  }
  const all = requirements.flatMap((r) => [r.id, ...r.scenarios.map((s) => s.id)]);
  return { suggestion: closest(typed, all, normalizeId) };
}
