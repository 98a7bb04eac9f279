/**
 * Recognises the check catalogue's exact SQL (health-checks.md §2) by normalised token text —
 * case, whitespace, comments and a trailing semicolon do not matter — and answers it from the
 * lab state. Statements of the catalogue that the generic engine answers (v$version, …) are
 * left to it.
 */
import { DB_ANSWERS } from './catalogue-db.js';
import type { Answer } from './catalogue-db.js';
import { OPS_ANSWERS } from './catalogue-ops.js';
// One copy of the catalogue's SQL: the inspection sends exactly these statements and the lab
// recognises exactly them (tests/lab/oracle checks them against the reference's text).
import { DB_SQL as CATALOGUE_SQL } from '../../health/catalogue-sql.js';
import { tokenize } from './lexer.js';

/** One canonical text per statement: tokens joined by single spaces, keywords upper-cased. */
export function normaliseSql(sql: string): string {
  const tokens = tokenize(sql).filter((t) => t.type !== 'eof');
  while (tokens.length > 0 && tokens[tokens.length - 1]!.value === ';' && tokens[tokens.length - 1]!.type === 'op') tokens.pop();
  return tokens.map((t) => (t.type === 'string' ? `'${t.value.replace(/'/g, "''")}'` : t.type === 'qident' ? `"${t.value}"` : t.type === 'bind' ? `:${t.value}` : t.value)).join(' ');
}

const ANSWERS: Record<string, Answer> = { ...DB_ANSWERS, ...OPS_ANSWERS };

const BY_TEXT = new Map<string, { id: string; answer: Answer }>();
for (const [id, sql] of Object.entries(CATALOGUE_SQL)) {
  const answer = ANSWERS[id];
  if (answer) BY_TEXT.set(normaliseSql(sql), { id, answer });
}

/** The catalogue check this statement is, if it is one the catalogue answers exactly. */
export function matchCatalogue(sql: string): { id: string; answer: Answer } | undefined {
  try {
    return BY_TEXT.get(normaliseSql(sql));
  } catch {
    return undefined;
  }
}
