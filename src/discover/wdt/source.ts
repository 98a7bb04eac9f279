/**
 * Reading the inputs: a WDT model (YAML 1.1, as WDT's SnakeYAML reads it) and a Java
 * `.properties` variables file. Text in, plain data out; errors carry line and column.
 */
import { parseDocument } from 'yaml';
import { isMap, type Json } from './context.js';

/** The model text is not a WDT model (bad YAML, or not a mapping of sections). */
export class WdtModelError extends Error {
  override readonly name = 'WdtModelError';
}

const SECTIONS = ['domainInfo', 'topology', 'resources', 'appDeployments', 'kubernetes'];

export function parseWdtModel(text: string, file = 'model'): Json {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0];
    throw new WdtModelError(`${file}${at ? `:${at.line}:${at.col}` : ''}: ${e.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMap(value)) throw new WdtModelError(`${file}: a WDT model is a mapping of sections (${SECTIONS.join(', ')})`);
  return value;
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

/** Logical lines of a .properties file: comments dropped, `\` continuations joined. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (!pending && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    const trailing = /(\\+)$/.exec(line)?.[1]?.length ?? 0;
    if (trailing % 2 === 1) {
      pending += line.slice(0, -1);
      continue;
    }
    out.push(pending + line);
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

/** Java .properties (java.util.Properties#load): `key=value`, `key: value` or `key value`. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of logicalLines(text)) {
    const m = /^((?:\\.|[^=:\s\\])*)\s*[=:\s]?\s*(.*)$/.exec(line);
    if (!m) continue;
    out.set(unescape(m[1]!), unescape(m[2]!));
  }
  return out;
}
