/**
 * Editing a release manifest — or a plan's approval file (plan-approval.ts) — in place with
 * `yaml`'s Document API, so comments, key order and flow style survive: appending one approval to
 * `approvals` (created right after `requiredApprovals` when missing). Also writing a new approval
 * file and reading one back. Text in, text out; approve.ts does the files and git.
 */
import { Document, Scalar, isMap, isScalar, isSeq, parse, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { Approval } from '../model/index.js';

/** Keep the manifests' own style: no folding of long lines, `[a, b]` without padding. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

function approvalNode(doc: Document, a: Approval): ReturnType<Document['createNode']> {
  const plain: Record<string, string> = { role: a.role, name: a.name, date: a.date };
  if (a.comment) plain['comment'] = a.comment;
  const node = doc.createNode(plain);
  const date = isMap(node) ? node.get('date', true) : undefined;
  // Quoted, as the manifests write dates: a plain 2026-11-20 is a timestamp in YAML 1.1 readers.
  if (isScalar(date)) date.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** The manifest text with `approval` appended; throws when the text is not one mapping. */
export function appendApproval(text: string, approval: Approval): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error(`the manifest does not parse: ${doc.errors[0]?.message ?? 'YAML error'}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('the manifest is not a mapping');
  const existing = root.get('approvals', true);
  if (isSeq(existing)) {
    existing.items.push(approvalNode(doc, approval));
    return doc.toString(STRINGIFY);
  }
  if (existing !== undefined && existing !== null && !(typeof existing === 'object' && 'value' in existing && existing.value === null)) {
    throw new Error('`approvals` in the manifest is not a list');
  }
  const map = root as YAMLMap;
  const pair = doc.createPair('approvals', [approvalNode(doc, approval)]) as Pair;
  const at = map.items.findIndex((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === 'requiredApprovals');
  const without = map.items.filter((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) !== 'approvals');
  const index = at < 0 ? without.length : without.findIndex((p) => p === map.items[at]) + 1;
  without.splice(index, 0, pair);
  map.items = without;
  return doc.toString(STRINGIFY);
}

/** A new approval file: `fields` as one YAML mapping under `comment`, approvals appended later. */
export function newApprovalDocument(comment: string, fields: Record<string, unknown>): string {
  const doc = new Document(fields);
  doc.commentBefore = comment;
  return doc.toString(STRINGIFY);
}

/** An approval file's mapping as plain values, or undefined when it is not one YAML mapping. */
export function readApprovalDocument(text: string): Record<string, unknown> | undefined {
  try {
    const v = parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
