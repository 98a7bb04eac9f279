/**
 * A unified diff of two texts (the YAML patch preview of `opsctl discover`): LCS over lines,
 * hunks with three lines of context. Desired-state files are small (hundreds of lines), so the
 * quadratic table is fine. Pure.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

function lines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  return ops;
}

/** `--- a/REL` / `+++ b/REL` and @@ hunks; empty string when the texts are equal. */
export function unifiedDiff(rel: string, before: string | undefined, after: string, context = 3): string {
  const ops = diffLines(lines(before), lines(after));
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  const out = [before === undefined ? '--- /dev/null' : `--- a/${rel}`, `+++ b/${rel}`];
  let k = 0;
  while (k < changed.length) {
    let end = k;
    while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * context + 1) end++;
    const from = Math.max(0, changed[k]! - context);
    const to = Math.min(ops.length - 1, changed[end]! + context);
    out.push(hunkHeader(ops, from, to), ...ops.slice(from, to + 1).map((o) => `${o.kind}${o.line}`));
    k = end + 1;
  }
  return `${out.join('\n')}\n`;
}

function hunkHeader(ops: Op[], from: number, to: number): string {
  let a = 1;
  let b = 1;
  for (let k = 0; k < from; k++) {
    if (ops[k]!.kind !== '+') a++;
    if (ops[k]!.kind !== '-') b++;
  }
  const slice = ops.slice(from, to + 1);
  const aLen = slice.filter((o) => o.kind !== '+').length;
  const bLen = slice.filter((o) => o.kind !== '-').length;
  return `@@ -${aLen === 0 ? a - 1 : a},${aLen} +${bLen === 0 ? b - 1 : b},${bLen} @@`;
}
