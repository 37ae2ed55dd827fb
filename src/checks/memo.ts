/**
 * A per-evaluation memo, as the engine gives every check through `ctx.shared`: the first call with a
 * key computes the value, later calls with the same key get it back. One memo lives for one
 * evaluation, so nothing is shared between two dossiers (no module state).
 */
export function createMemo(): <T>(key: string, compute: () => T) => T {
  const memo = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
}
