/**
 * The audit record of a data fix run: reports/<env>/datafix/<fix>/<stamp>-<kind>.json and .md,
 * personal data masked (and every text scrubbed once more), with the before-image's sha256s,
 * the approvals and every change's counts; committed with trailers through git/. Plan runs are
 * written but not committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles } from '../git/index.js';
import { scrubText } from './mask.js';
import type { DataFixRun, TableRows } from './run.js';

const stampOf = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

function table(t: TableRows): string[] {
  if (t.rows.length === 0) return [`${t.table}: no rows`, ''];
  const cols = t.columns;
  const esc = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/\|/g, '\\|'));
  return [
    `### ${t.table} (${t.count} rows)`, '',
    `| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, ...t.rows.slice(0, 50).map((r) => `| ${cols.map((c) => esc(r[c])).join(' | ')} |`),
    ...(t.rows.length > 50 ? [`(… ${t.rows.length - 50} more)`] : []), '',
  ];
}

function change(c: DataFixRun['changes'][number], n: number): string[] {
  const counts = [`expect ${c.expectRows}`, ...(c.affected !== undefined ? [`affected before: ${c.affected}`] : []), ...(c.rowsAffected !== undefined ? [`changed: ${c.rowsAffected}`] : [])];
  return [`${n + 1}. ${c.verb} ${c.table} — ${counts.join(' · ')}`, '', '```sql', c.sql, '```', '', `binds: \`${JSON.stringify(c.binds)}\``, ''];
}

export function renderMarkdown(run: DataFixRun): string {
  const ap = run.approvals;
  const lines = [
    `# 数据维护记录 Data fix ${run.kind}: ${run.fix}`,
    '',
    `- environment: ${run.env} · database: ${run.database} · tables: ${run.tables.join(', ')} · ticket: ${run.ticket}`,
    `- at: ${run.at}`,
    `- outcome: **${run.outcome}** — ${run.message}`,
    `- approvals 审批: ${ap.recorded.map((x) => `${x.role} ${x.name} (${x.date})`).join('; ') || 'none'}${ap.missing.length ? ` · missing: ${ap.missing.join(', ')}` : ''}`,
    ...(run.preCheck ? [`- pre-check: ${run.preCheck.actual} rows (expected ${run.preCheck.expected})`] : []),
    ...(run.after ? [`- count after: ${run.after.actual} (expected ${run.after.expected})`] : []),
    ...(run.beforeImage ? [`- before-image sha256: \`${run.beforeImage.sha256}\` (${run.beforeImage.rows} rows in ${run.beforeImage.tables.length} table(s), kept outside git)`, ...run.beforeImage.tables.map((t) => `  - ${t.table}: \`${t.sha256}\`, ${t.rows} rows${t.inserted ? `, ${t.inserted} inserted by the fix` : ''}`)] : []),
    '',
    `## Changes (one transaction, in this order)`,
    '',
    ...run.changes.flatMap(change),
    `Rollback: ${run.rollback.statements} statement(s)${run.rollback.example ? `, e.g. \`${run.rollback.example}\`` : ''}`,
    '',
    `## Rows (${run.kind === 'rollback' ? 'as re-read after the rollback' : 'the before-image'}; personal data masked)`,
    '',
    ...(run.rows ?? []).flatMap(table),
  ];
  return scrubText(lines.join('\n'));
}

/** The record without the vault's local path (machine-specific, not for git). */
function forGit(run: DataFixRun): unknown {
  const { beforeImage, ...rest } = run;
  return { ...rest, ...(beforeImage ? { beforeImage: { sha256: beforeImage.sha256, rows: beforeImage.rows, tables: beforeImage.tables } } : {}) };
}

export function writeRecord(root: string, run: DataFixRun): string[] {
  const dir = join('reports', run.env, 'datafix', run.fix);
  mkdirSync(join(root, dir), { recursive: true });
  const base = join(dir, `${stampOf(run.at)}-${run.kind}`);
  writeFileSync(join(root, `${base}.json`), scrubText(`${JSON.stringify(forGit(run), null, 2)}\n`));
  writeFileSync(join(root, `${base}.md`), renderMarkdown(run));
  return [`${base}.json`, `${base}.md`];
}

export async function commitRecord(root: string, run: DataFixRun, files: readonly string[]): Promise<string> {
  const subject = `datafix ${run.kind} ${run.fix} (${run.env}): ${run.outcome}`;
  return commitFiles(root, files, `${subject}\n\n${scrubText(run.message)}`, {
    'Opsctl-Env': run.env,
    'Opsctl-DataFix': run.fix,
    'Opsctl-Ticket': run.ticket,
    'Opsctl-Outcome': run.outcome,
    'Approved-By': run.approvals.recorded.map((a) => `${a.role} ${a.name} ${a.date}`),
    ...(run.beforeImage ? { 'Before-Image-Sha256': run.beforeImage.sha256 } : {}),
  });
}
