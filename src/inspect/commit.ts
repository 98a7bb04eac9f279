/**
 * Committing an inspection's report files: exactly one commit (git/commitFiles) whose subject
 * counts the findings, e.g. `inspect lab daily: 2 critical, 3 warning, score 87`, with trailers
 * for the audit trail.
 */
import { commitFiles } from '../git/index.js';
import type { InspectionReport } from '../health/index.js';

export function commitMessage(r: InspectionReport): string {
  const c = r.summary.findings;
  return `inspect ${r.env} ${r.playbook.name}: ${c.critical} critical, ${c.warning} warning, score ${r.score.value}`;
}

export async function commitReport(root: string, r: InspectionReport, files: readonly string[]): Promise<string> {
  return commitFiles(root, files, commitMessage(r), {
    'Opsctl-Command': 'inspect',
    'Opsctl-Env': r.env,
    'Opsctl-Playbook': r.playbook.name,
    'Opsctl-Score': String(r.score.value),
    'Opsctl-Findings': `${r.summary.findings.critical} critical, ${r.summary.findings.warning} warning`,
  });
}
