/**
 * OPatch text (11.2 to 13.9: database homes and WebLogic 12c middleware homes): `opatch
 * lsinventory` → the home's interim patches (id, applied-on, unique id, description, bugs), and
 * the outcome of `opatch apply | napply | rollback | prereq …` (succeeded or the error code, the
 * prerequisite checks that failed with their details, patches applied or rolled back). Tested on
 * real outputs in tests/fixtures/patch/ (sources in tests/fixtures/SOURCES.md).
 */
import { fail, note, ok, toLines } from './result.js';
import type { Line, ParseNote, ParseResult } from './result.js';

export interface OpatchPatch {
  id: string;
  /** As printed after `applied on`, e.g. `Sat Jun 06 01:10:59 GMT 2020`. */
  appliedOn: string;
  uniqueId: string | null;
  /** `Patch description:` without its quotes; null when OPatch prints none (older one-offs). */
  description: string | null;
  bugs: string[];
}

export interface OpatchInventory {
  oracleHome: string | null;
  opatchVersion: string | null;
  /** `Installed Top-level Products`: name and version (absent from middleware homes). */
  products: Array<{ name: string; version: string }>;
  patches: OpatchPatch[];
}

const PATCH_HEAD = /^Patch\s+(\d+)\s*:\s*applied on\s+(.+?)\s*$/;
const HEADER = /^(Oracle Home|OPatch version)\s*:\s*(.*?)\s*$/;
const PRODUCT = /^(Oracle .+?)\s{2,}(\d+(?:\.\d+)+)\s*$/;
const COUNT = /^Interim patches \((\d+)\)\s*:/;
const NONE = /^There are no Interim patches installed in this Oracle Home/;

/** `OPatch failed with error code 73` → 73, when the output says so. */
function errorCode(lines: readonly Line[]): number | null {
  for (const l of lines) {
    const m = /OPatch failed with error code (\d+)/.exec(l.text);
    if (m) return Number(m[1]);
  }
  return null;
}

function patchBody(lines: readonly Line[], from: number, head: RegExpExecArray): { patch: OpatchPatch; next: number } {
  const patch: OpatchPatch = { id: head[1]!, appliedOn: head[2]!, uniqueId: null, description: null, bugs: [] };
  let i = from;
  let inBugs = false;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (PATCH_HEAD.test(t) || /^-{20,}$/.test(t) || /^Rac system/.test(t) || /^OPatch (succeeded|failed)/.test(t)) break;
    const unique = /^Unique Patch ID:\s*(\S+)/.exec(t);
    const desc = /^Patch description:\s*"(.*)"\s*$/.exec(t);
    if (unique) patch.uniqueId = unique[1]!;
    else if (desc) patch.description = desc[1]!;
    else if (/^Bugs fixed:/.test(t)) inBugs = true;
    else if (inBugs && /^\d+(,\s*\d+)*,?$/.test(t)) patch.bugs.push(...t.split(',').map((b) => b.trim()).filter(Boolean));
    else if (t !== '' && !/^Created on /.test(t)) inBugs = false;
  }
  return { patch, next: i };
}

/** `opatch lsinventory` → the home and its interim patches; a failed run is a ParseFailure. */
export function parseOpatchLsinventory(text: string): ParseResult<OpatchInventory> {
  const lines = toLines(text);
  if (lines.length === 0) return fail('opatch-lsinventory', 0, 'empty output');
  const code = errorCode(lines);
  if (code !== null) return fail('opatch-lsinventory', 0, `OPatch failed with error code ${code}`);
  if (!lines.some((l) => /^OPatch succeeded\./.test(l.text.trim()))) return fail('opatch-lsinventory', 0, 'no "OPatch succeeded." line: not a complete lsinventory output');
  const inv: OpatchInventory = { oracleHome: null, opatchVersion: null, products: [], patches: [] };
  const notes: ParseNote[] = [];
  let declared: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    const h = HEADER.exec(t);
    const head = PATCH_HEAD.exec(t);
    if (h && h[1] === 'Oracle Home' && inv.oracleHome === null) inv.oracleHome = h[2]!;
    else if (h && h[1] === 'OPatch version' && inv.opatchVersion === null) inv.opatchVersion = h[2]!;
    else if (COUNT.test(t)) declared = Number(COUNT.exec(t)![1]);
    else if (NONE.test(t)) declared = 0;
    else if (PRODUCT.test(t) && inv.patches.length === 0) inv.products.push({ name: PRODUCT.exec(t)![1]!, version: PRODUCT.exec(t)![2]! });
    else if (head) {
      const { patch, next } = patchBody(lines, i + 1, head);
      inv.patches.push(patch);
      i = next - 1;
    }
  }
  if (declared !== null && declared !== inv.patches.length) {
    return fail('opatch-lsinventory', 0, `the output declares ${declared} interim patch(es) but lists ${inv.patches.length}`);
  }
  if (declared === null) notes.push(note({ n: 0, text: '' }, 'no "Interim patches (N)" line; the list is taken as printed'));
  return ok(inv, notes);
}

export interface OpatchOutcome {
  succeeded: boolean;
  /** `OPatch failed with error code N`. */
  errorCode: number | null;
  /** Names from `Prerequisite check "X" failed.` (apply) and `Prereq "X" failed.` (prereq). */
  failedChecks: string[];
  /** Names from `Prereq "X" passed.`. */
  passedChecks: string[];
  /** Lines under `The details are:` (the files, executables or conflicts that failed a check). */
  details: string[];
  /** From `Patch N successfully applied.` / `Patches N,M successfully applied.`. */
  applied: string[];
  /** From `RollbackSession removing interim patch 'N' from inventory`. */
  rolledBack: string[];
}

function detailsOf(lines: readonly Line[]): string[] {
  const out: string[] = [];
  let on = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (/^The details are:/.test(t)) on = true;
    else if (on && /^(UtilSession|ApplySession|RollbackSession|Log file location|OPatch failed|Prerequisite check)/.test(t)) on = false;
    else if (on && t !== '') out.push(t);
  }
  return [...new Set(out)];
}

/** The outcome of an OPatch apply / napply / rollback / prereq run. Never fails: any text is an outcome. */
export function parseOpatchOutcome(text: string): OpatchOutcome {
  const lines = toLines(typeof text === 'string' ? text : '');
  const all = (re: RegExp): string[] => [...new Set(lines.flatMap((l) => [...l.text.matchAll(re)].map((m) => m[1]!)))];
  const applied = lines.flatMap((l) => {
    const m = /^Patch(?:es)?\s+([\d,\s]+?)\s+successfully applied/.exec(l.text.trim());
    return m ? m[1]!.split(',').map((x) => x.trim()).filter(Boolean) : [];
  });
  const code = errorCode(lines);
  return {
    succeeded: code === null && lines.some((l) => /^OPatch succeeded\./.test(l.text.trim())),
    errorCode: code,
    failedChecks: all(/Prereq(?:uisite check)? "([^"]+)" failed/g),
    passedChecks: all(/Prereq "([^"]+)" passed/g),
    details: detailsOf(lines),
    applied: [...new Set(applied)],
    rolledBack: all(/RollbackSession removing interim patch '(\d+)' from inventory/g),
  };
}

export interface DatapatchOutcome {
  /** Every `Patch N apply|rollback: SUCCESS|WITH ERRORS` line. */
  results: Array<{ id: string; action: 'apply' | 'rollback'; status: string }>;
  /** `SQL Patching tool complete` was printed. */
  completed: boolean;
  /** `Nothing to roll back` and `The following patches will be applied` style queue lines were all empty. */
  nothingToDo: boolean;
}

/** `datapatch -verbose` → per-patch results (12.1 to 19c layouts). Never fails. */
export function parseDatapatch(text: string): DatapatchOutcome {
  const lines = toLines(typeof text === 'string' ? text : '');
  const results = lines.flatMap((l) => {
    const m = /^Patch\s+(\d+)\s+(apply|rollback)(?:\s*\([^)]*\))?:\s*([A-Z ]+?)\s*$/.exec(l.text.trim());
    return m ? [{ id: m[1]!, action: m[2] as 'apply' | 'rollback', status: m[3]! }] : [];
  });
  const completed = lines.some((l) => /^SQL Patching tool complete/.test(l.text.trim()));
  const empty = ['Nothing to roll back', 'Nothing to apply', 'No interim patches need to be rolled back', 'No interim patches need to be applied', 'No release update patches need to be installed'];
  const nothingToDo = results.length === 0 && lines.some((l) => empty.includes(l.text.trim()));
  return { results, completed, nothingToDo };
}
