/**
 * Edit distance between two short strings: insertions, deletions, substitutions and swaps of two
 * neighbouring letters (`brust` for `burst` is one slip, not two).
 */
function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1];
      let best = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How unlike `candidate` the `wanted` name is, or undefined when too unlike to suggest. */
function score(wanted: string, candidate: string): number | undefined {
  const edits = distance(wanted, candidate);
  const allowed = Math.max(1, Math.floor(candidate.length / 3));
  if (edits <= allowed) {
    return edits;
  }
  // A unit left off or added (`ttl` for `ttlMs`) is a common slip too, but ranks after close spellings.
  const [shorter, longer] = wanted.length < candidate.length ? [wanted, candidate] : [candidate, wanted];
  return shorter.length >= 3 && longer.startsWith(shorter) ? allowed + 1 : undefined;
}

/**
 * The known name a misspelt one most likely meant (`retrys` → `retries`, `apikey` → `apiKey`,
 * `ttl` → `ttlMs`), or undefined when none is close: at most one edit per three letters, or the
 * one name beginning with the other, ignoring case.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const candidate of known) {
    const unlike = score(wanted, candidate.toLowerCase());
    if (unlike !== undefined && (best === undefined || unlike < best.score)) {
      best = { name: candidate, score: unlike };
    }
  }
  return best?.name;
}
