import type { Condition, FactValue } from './types.js';

/** Three-valued result: a condition over a fact the manifest did not answer is `unknown`. */
export type Truth = true | false | 'unknown';

export interface ConditionInput {
  facts: Readonly<Record<string, FactValue>>;
  /** Tags provided by slots evaluated so far, as `slot:tag`. */
  provided?: ReadonlySet<string>;
}

/** Kleene logic over facts: `unknown` propagates unless the other operands decide. */
export function evaluate(c: Condition, input: ConditionInput): Truth {
  if ('fact' in c) {
    if (!Object.prototype.hasOwnProperty.call(input.facts, c.fact)) return 'unknown';
    const v = input.facts[c.fact];
    return 'is' in c ? v === c.is : c.in.includes(v as FactValue);
  }
  if ('slot' in c) return input.provided?.has(`${c.slot}:${c.provides}`) ?? false;
  if ('not' in c) {
    const r = evaluate(c.not, input);
    return r === 'unknown' ? r : !r;
  }
  if ('all' in c) {
    let unknown = false;
    for (const sub of c.all) {
      const r = evaluate(sub, input);
      if (r === false) return false;
      if (r === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : true;
  }
  let unknown = false;
  for (const sub of c.any) {
    const r = evaluate(sub, input);
    if (r === true) return true;
    if (r === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/** Facts a condition reads (for "which answer is missing" findings and lint). */
export function factsOf(c: Condition, out: Set<string> = new Set()): Set<string> {
  if ('fact' in c) out.add(c.fact);
  else if ('not' in c) factsOf(c.not, out);
  else if ('all' in c) c.all.forEach((s) => factsOf(s, out));
  else if ('any' in c) c.any.forEach((s) => factsOf(s, out));
  return out;
}

/** Slot references (`{slot, provides}`) of a condition. */
export function slotRefsOf(c: Condition, out: { slot: string; provides: string }[] = []): { slot: string; provides: string }[] {
  if ('slot' in c) out.push({ slot: c.slot, provides: c.provides });
  else if ('not' in c) slotRefsOf(c.not, out);
  else if ('all' in c) c.all.forEach((s) => slotRefsOf(s, out));
  else if ('any' in c) c.any.forEach((s) => slotRefsOf(s, out));
  return out;
}
