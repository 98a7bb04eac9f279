/**
 * The one place values are quoted for a remote POSIX shell (bash, dash, AIX ksh) and for the one
 * kind of SQL text that cannot be bound: identifiers and passwords in DDL. Values in SQL go by bind variables,
 * never through here. Everything else that reaches a remote shell goes through `shellQuote` or
 * `shellCommand`; nothing pastes strings into a command line.
 */
import { QuotingError } from './errors.js';
import type { Secret } from './secrets.js';

/**
 * Quote one word for a POSIX shell, single-quote style: `it's` → `'it'\''s'`. Inside single
 * quotes a POSIX shell interprets nothing (no `$`, backquote, backslash or newline handling), so
 * the only character needing care is the single quote itself. NUL cannot be passed through
 * argv at all and is refused. Every word is quoted, even plain ones: an unquoted first word
 * could be a reserved word (`if`) or an assignment (`A=1`), and one rule is easier to trust.
 */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new QuotingError('a shell word may not contain a NUL byte');
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line whose words reach the remote program exactly as given in `argv`. */
export function shellCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new QuotingError('a command needs at least one word');
  return argv.map(shellQuote).join(' ');
}

const ORACLE_IDENTIFIER = /^[A-Z][A-Z0-9_$#]*$/;

/**
 * Validate an Oracle identifier for DDL that cannot take binds (`ALTER USER`, `CREATE
 * TABLESPACE`, …) and return it double-quoted. Only upper-case unquoted-style names of at most
 * 128 bytes (30 before 12.2 — the caller knows the version) are accepted; anything else is
 * refused rather than escaped.
 */
export function oracleIdentifier(name: string, maxLength = 128): string {
  if (!ORACLE_IDENTIFIER.test(name)) {
    throw new QuotingError(`not an Oracle identifier (expected ${ORACLE_IDENTIFIER.source}): ${JSON.stringify(name.slice(0, 64))}`);
  }
  if (Buffer.byteLength(name) > maxLength) throw new QuotingError(`Oracle identifier longer than ${maxLength} bytes: ${name}`);
  return `"${name}"`;
}

/**
 * A password for `ALTER USER … IDENTIFIED BY` (DDL takes no binds), double-quoted: Oracle keeps
 * it exactly. Refused rather than escaped: a double quote (a quoted password cannot hold one),
 * NUL, CR or LF (SQL*Plus reads lines), an empty value, more than 30 bytes (the 11.2 limit).
 * The SQL it makes travels only on SQL*Plus's stdin; errors never show the value.
 */
export function oraclePassword(secret: Secret): string {
  const v = secret.reveal();
  if (v === '' || /["\0\r\n]/.test(v) || Buffer.byteLength(v) > 30) throw new QuotingError(`${secret.ref}: not usable as an Oracle password (empty, longer than 30 bytes, or holding a double quote or a line break)`);
  return `"${v}"`;
}
