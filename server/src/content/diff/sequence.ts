/** A stretch where two sequences differ: `a[aFrom, aTo)` stands where `b[bFrom, bTo)` stands. */
export interface Run {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

/**
 * Myers' O(ND) difference of two lists of keys, as the runs that differ (everything between
 * them matches), in order. Null when they differ by more than `maxEdits` insertions and
 * deletions: the caller then treats the whole stretch as changed rather than spend quadratic
 * time and memory on it (the trace kept for the backtrack is O(D²)). Keys are compared with
 * `===` many times over: pass numbers (see `internKeys`), not long strings.
 */
export function differingRuns<T>(a: readonly T[], b: readonly T[], maxEdits = 1000): Run[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d][k + d] = the furthest x on diagonal k after d edits.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;

  // Walk back from (n, m), collecting the matching diagonals.
  const matches: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const k = x - y;
    const at = (kk: number) => prev[kk + d - 1]!;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const startX = down ? prevX : prevX + 1;
    while (x > startX) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([x, y]);
  }
  matches.reverse();

  const runs: Run[] = [];
  let ai = 0;
  let bi = 0;
  for (const [ma, mb] of [...matches, [n, m] as [number, number]]) {
    if (ma > ai || mb > bi) runs.push({ aFrom: ai, aTo: ma, bFrom: bi, bTo: mb });
    ai = ma + 1;
    bi = mb + 1;
  }
  return runs;
}

/** The same number for equal strings: long keys become cheap to compare. */
export function internKeys(...lists: readonly string[][]): number[][] {
  const ids = new Map<string, number>();
  return lists.map((keys) =>
    keys.map((key) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    }),
  );
}
