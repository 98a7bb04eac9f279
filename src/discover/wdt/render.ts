/**
 * The imported document as YAML, headed by comments that say where it came from and list every
 * placeholder, unmapped part and token, so that the file reviews itself. Comments hold paths,
 * names and references only, never a value of a secret.
 */
import { stringify } from 'yaml';
import type { ImportResult } from './types.js';

export interface RenderMeta {
  env: string;
  domain: string;
  source: string;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The report as comment lines (also what the CLI prints after the document). */
export function reportLines(result: ImportResult): string[] {
  const out: string[] = [];
  if (result.placeholders.length > 0) {
    out.push(`Placeholders (${result.placeholders.length}) — values the model did not give; review each:`);
    for (const p of result.placeholders) out.push(`  ${p.field} = ${oneLine(p.value)} — ${oneLine(p.reason)}`);
  }
  if (result.unmapped.length > 0) {
    out.push(`Unmapped (${result.unmapped.length}) — in the WDT model, not in this document:`);
    for (const u of result.unmapped) out.push(`  ${u.path} — ${oneLine(u.reason)}`);
  }
  if (result.tokens.length > 0) {
    out.push(`Tokens (${result.tokens.length}):`);
    for (const t of result.tokens) out.push(`  ${t.path}: ${t.token} ${t.action}${t.reference ? ` → ${t.reference}` : ''}`);
  }
  if (!result.valid) {
    out.push(`Schema problems (${result.diagnostics.length}) — the document does not validate yet:`);
    for (const d of result.diagnostics) out.push(`  ${oneLine(d.message)}`);
  }
  return out;
}

export function renderDomainYaml(result: ImportResult, meta: RenderMeta): string {
  const head = [
    `WebLogic domain \`${meta.domain}\` of environment ${meta.env}, imported by \`opsctl import wdt\` from the WDT model ${meta.source}.`,
    `Review before use: ${result.placeholders.length} placeholder(s), ${result.unmapped.length} unmapped part(s), ${result.tokens.length} token(s).`,
    ...reportLines(result),
  ];
  const comments = head.map((l) => `# ${l}`.trimEnd()).join('\n');
  return `${comments}\n${stringify(result.document, { lineWidth: 0 })}`;
}
