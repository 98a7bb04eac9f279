/**
 * A deliverable document as plain data (title, key facts, sections of paragraphs, lists and
 * tables) rendered to Markdown (pure, here) and to one self-contained HTML page (templates/
 * doc.ejs: inline CSS, a tiny table filter, nothing fetched). The monthly report, the incident
 * report, the register, the emergency plan and the case library are all built as a Doc by pure
 * view-model builders; the templates compute nothing.
 */
import { renderTemplate } from './ejs.js';
import { wordsOf, type Lang } from './labels.js';

export interface DocTable {
  id: string;
  headers: string[];
  rows: { cls?: string; cells: string[] }[];
}

export interface DocSection {
  heading: string;
  paragraphs?: string[];
  list?: string[];
  table?: DocTable;
  /** Text shown when the table has no row. */
  empty?: string;
}

export interface Doc {
  lang: Lang;
  title: string;
  subtitle?: string;
  notice?: string;
  facts: [string, string][];
  sections: DocSection[];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

function tableMd(t: DocTable): string[] {
  return [`| ${t.headers.map(cell).join(' | ')} |`, `|${t.headers.map(() => '---').join('|')}|`, ...t.rows.map((r) => `| ${r.cells.map(cell).join(' | ')} |`)];
}

export function renderDocMarkdown(doc: Doc): string {
  const out = [`# ${doc.title}`, ''];
  if (doc.subtitle) out.push(doc.subtitle, '');
  if (doc.notice) out.push(`> ${doc.notice}`, '');
  if (doc.facts.length) out.push(...tableMd({ id: 'facts', headers: ['', ''], rows: doc.facts.map(([k, v]) => ({ cells: [k, v] })) }), '');
  for (const s of doc.sections) {
    out.push(`## ${s.heading}`, '');
    for (const p of s.paragraphs ?? []) out.push(p, '');
    if (s.list?.length) out.push(...s.list.map((l) => `- ${l}`), '');
    if (s.table) out.push(...(s.table.rows.length ? tableMd(s.table) : [s.empty ?? '—']), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderDocHtml(doc: Doc): string {
  return renderTemplate('doc.ejs', { ...doc, filter: wordsOf(doc.lang).filter });
}
