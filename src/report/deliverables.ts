/**
 * Writes a Doc as .md and .html under reports/ and, with --commit, commits them (one commit with
 * an Opsctl-Command trailer). Paths: reports/<env>/monthly/<YYYY-MM>.*, reports/<env>/register.*,
 * reports/common/emergency-plan.*, reports/common/cases.*.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commitFiles } from '../git/index.js';
import { renderDocHtml, renderDocMarkdown, type Doc } from './doc.js';

export function writeDoc(root: string, base: string, doc: Doc): string[] {
  const files: [string, string][] = [[`${base}.md`, renderDocMarkdown(doc)], [`${base}.html`, renderDocHtml(doc)]];
  mkdirSync(dirname(join(root, base)), { recursive: true });
  for (const [f, text] of files) writeFileSync(join(root, f), text);
  return files.map(([f]) => f);
}

export async function commitDoc(root: string, files: readonly string[], subject: string, command: string, env?: string): Promise<string> {
  return commitFiles(root, files, subject, { 'Opsctl-Command': command, ...(env ? { 'Opsctl-Env': env } : {}) });
}
