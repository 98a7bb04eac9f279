/**
 * BEA Smart Update (`bsu.sh`, WebLogic 10.3.x): `-view -status=applied [-verbose]` → the
 * product and its applied patches (id, CR/bug, container jar, description), and the outcome of
 * `-install` / `-remove` (Result: Success, "Patch already installed", conflicts). The label
 * column is padded to 19 characters in real output; copies found on the web often have the
 * padding collapsed to one space, which is read the same. Continuation lines (bsu wraps values
 * at 60 characters) belong to the label above them.
 */
import { fail, ok, toLines } from './result.js';
import type { ParseResult } from './result.js';

export interface BsuPatch {
  /** Patch ID (the 4-character code, e.g. B47X). */
  id: string;
  /** The bug number printed in brackets after the id, or CR/BUG in verbose output. */
  bug: string | null;
  container: string | null;
  description: string | null;
  restart: boolean | null;
}

export interface BsuView {
  productName: string | null;
  productVersion: string | null;
  beaHome: string | null;
  productHome: string | null;
  profile: string | null;
  patches: BsuPatch[];
}

const LABELS = ['ProductName', 'ProductVersion', 'Components', 'BEAHome', 'ProductHome', 'PatchSystemDir', 'PatchDir', 'Profile', 'DownloadDir', 'JavaVersion', 'JavaVendor',
  'Patch ID', 'PatchContainer', 'Checksum', 'Severity', 'Category', 'CR/BUG', 'Restart', 'Description'];
const LABELED = new RegExp(`^\\s*(${LABELS.map((l) => l.replace('/', '\\/')).join('|')}):\\s*(.*?)\\s*$`);

/** `bsu.sh -view -status=applied [-verbose]` → product and applied patches. */
export function parseBsuView(text: string): ParseResult<BsuView> {
  const lines = toLines(text);
  if (lines.length === 0) return fail('bsu-view', 0, 'empty output');
  const view: BsuView = { productName: null, productVersion: null, beaHome: null, productHome: null, profile: null, patches: [] };
  let current: BsuPatch | undefined;
  let seen = false;
  for (const l of lines) {
    const m = LABELED.exec(l.text);
    if (!m) continue;
    seen = true;
    const [, label, value] = m as unknown as [string, string, string];
    if (label === 'Patch ID') {
      const id = /^(\S+)(?:\s+\((\d+)\))?/.exec(value);
      current = { id: id?.[1] ?? value, bug: id?.[2] ?? null, container: null, description: null, restart: null };
      view.patches.push(current);
    } else if (current) {
      if (label === 'PatchContainer') current.container = value;
      else if (label === 'CR/BUG') current.bug = value;
      else if (label === 'Description') current.description = value;
      else if (label === 'Restart') current.restart = value === 'true';
    } else if (label === 'ProductName') view.productName = value;
    else if (label === 'ProductVersion') view.productVersion = value;
    else if (label === 'BEAHome') view.beaHome = value;
    else if (label === 'ProductHome') view.productHome = value;
    else if (label === 'Profile') view.profile = value;
  }
  if (!seen) return fail('bsu-view', 1, 'no "Label: value" lines: not a bsu -view output', lines[0]?.text);
  return ok(view);
}

export interface BsuOutcome {
  /** `Result: Success` for every patch the run handled. */
  succeeded: boolean;
  /** `Patch already installed: X in profile: P`. */
  alreadyInstalled: string[];
  installed: string[];
  removed: string[];
  /** `Patch X is mutually exclusive and cannot coexist with patch(es): Y` → {patch X, with [Y]}. */
  conflicts: Array<{ patch: string; with: string[] }>;
  /** Lines that explain a failure (conflict text, `Result: Failure`, exceptions). */
  errors: string[];
}

/** The outcome of `bsu.sh -install` / `-remove`. Never fails: any text is an outcome. */
export function parseBsuOutcome(text: string): BsuOutcome {
  const lines = toLines(typeof text === 'string' ? text : '').map((l) => l.text.trim());
  const out: BsuOutcome = { succeeded: false, alreadyInstalled: [], installed: [], removed: [], conflicts: [], errors: [] };
  let results = 0;
  let failures = 0;
  for (const t of lines) {
    const already = /^Patch already installed:\s*(\S+)/.exec(t);
    const inst = /^Installing Patch ID:\s*([A-Z0-9]+)/.exec(t);
    const rem = /^Removing Patch ID:\s*([A-Z0-9]+)/.exec(t);
    const conflict = /^Patch (\S+) is mutually exclusive and cannot coexist with patch\(es\):\s*(.+)$/.exec(t);
    const result = /^Result:\s*(\S+)/.exec(t);
    if (already) out.alreadyInstalled.push(already[1]!);
    else if (inst) out.installed.push(inst[1]!);
    else if (rem) out.removed.push(rem[1]!);
    else if (conflict) out.conflicts.push({ patch: conflict[1]!, with: conflict[2]!.split(/[,\s]+/).filter(Boolean) });
    if (result) {
      results++;
      if (result[1] !== 'Success') failures++;
    }
    if (conflict || /^Conflict\(s\) detected/.test(t) || (result && result[1] !== 'Success') || /Exception|^Error/i.test(t)) out.errors.push(t);
  }
  out.succeeded = failures === 0 && out.conflicts.length === 0 && (results > 0 || out.alreadyInstalled.length > 0);
  return out;
}
