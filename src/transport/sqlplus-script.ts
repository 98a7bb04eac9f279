/**
 * A SQL*Plus script file (a release migration) read the way SQL*Plus reads it — SQL statements
 * end with `;` at a line end or `/` alone on a line, PL/SQL blocks (BEGIN/DECLARE/CREATE
 * PROCEDURE…) with `/`, anything else on a line of its own is a SQL*Plus command — so that
 * opsctl knows, before sending the file unmodified, how many statements it has (to say which
 * one failed and which had completed) and can refuse what must not be in a migration: commands
 * that leave or change the session opsctl set up (EXIT, CONNECT, HOST, @file, WHENEVER, SET
 * AUTOCOMMIT …) and a last statement without its terminator (SQL*Plus would silently not run
 * it). Pure.
 */

export interface ScriptUnit {
  kind: 'sql' | 'plsql' | 'plus';
  /** 1-based line of the file where the unit starts. */
  line: number;
  text: string;
}

export interface ParsedScript {
  units: ScriptUnit[];
  /** SQL and PL/SQL units, in order: what SQL*Plus sends to the database. */
  statements: ScriptUnit[];
  /** Reasons the script may not run as a migration; empty when it may. */
  problems: string[];
}

const SQL_START = /^(SELECT|WITH|INSERT|UPDATE|DELETE|MERGE|ALTER|CREATE|DROP|COMMIT|ROLLBACK|SAVEPOINT|GRANT|REVOKE|TRUNCATE|LOCK|COMMENT|ANALYZE|AUDIT|NOAUDIT|RENAME|PURGE|FLASHBACK|CALL|EXPLAIN|BEGIN|DECLARE)\b/i;
const PLSQL_START = /^(BEGIN|DECLARE)\b|^CREATE\s+(OR\s+REPLACE\s+)?(EDITIONABLE\s+|NONEDITIONABLE\s+)?(PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE)\b/i;
/** SQL*Plus commands a migration may contain: they print or set display options only. */
const HARMLESS = /^(PROMPT|PRO|REM|REMARK|SHOW|SHO|SET\s+(ECHO|FEEDBACK|FEED|TIMING|SERVEROUTPUT|SERVEROUT|LINESIZE|LINES|PAGESIZE|PAGES|HEADING|HEA|VERIFY|VER|TERMOUT|TERM|TRIMSPOOL|TRIMOUT|LONG|SQLBLANKLINES)\b|EXEC|EXECUTE)\b/i;

/** The statement text with its final `;` removed when it ends there (outside quotes and comments). */
function terminated(text: string): boolean {
  let inString = false;
  let lastSemi = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") inString = !inString;
    else if (!inString && ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (!inString && ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) break;
      i = close + 1;
    } else if (!inString && ch === ';') lastSemi = i;
    else if (!inString && lastSemi >= 0 && !/\s/.test(ch ?? '')) lastSemi = -1;
  }
  return lastSemi >= 0;
}

export function parseSqlplusScript(text: string): ParsedScript {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const units: ScriptUnit[] = [];
  const problems: string[] = [];
  let i = 0;
  let inComment = false;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const lineNo = i + 1;
    i++;
    if (inComment) {
      if (trimmed.includes('*/')) inComment = false;
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('--')) continue;
    if (trimmed.startsWith('/*')) {
      if (!trimmed.includes('*/', 2)) inComment = true;
      continue;
    }
    if (trimmed === '/') {
      problems.push(`line ${lineNo}: "/" re-runs the previous statement; a migration runs each statement once`);
      continue;
    }
    if (SQL_START.test(trimmed)) {
      const plsql = PLSQL_START.test(trimmed);
      const buffer = [line];
      let done = !plsql && terminated(line);
      while (!done && i < lines.length) {
        const next = lines[i]!;
        i++;
        if (next.trim() === '/') {
          done = true;
          break;
        }
        if (plsql && next.trim() === '.') break;
        buffer.push(next);
        if (!plsql && terminated(buffer.join('\n'))) done = true;
      }
      const body = buffer.join('\n');
      units.push({ kind: plsql ? 'plsql' : 'sql', line: lineNo, text: body });
      if (!done) problems.push(`line ${lineNo}: the statement is not ended by ";" or "/": SQL*Plus would not run it`);
      continue;
    }
    let command = trimmed;
    while (command.endsWith('-') && i < lines.length) command = `${command.slice(0, -1)} ${lines[i++]!.trim()}`;
    units.push({ kind: 'plus', line: lineNo, text: command });
    if (!HARMLESS.test(command)) problems.push(`line ${lineNo}: SQL*Plus command "${command.slice(0, 40)}" is not allowed in a migration (it would change or leave the session opsctl runs it in)`);
  }
  const statements = units.filter((u) => u.kind !== 'plus');
  if (statements.length === 0) problems.push('the script has no SQL statement');
  return { units, statements, problems };
}

/**
 * Completion lines SQL*Plus prints with SET FEEDBACK 1 for each statement that succeeded
 * ("Table altered.", "3 rows updated.", "PL/SQL procedure successfully completed.", …).
 */
const FEEDBACK = /^(?:(?:Table|Index|Comment|Sequence|View|Synonym|Trigger|Procedure|Function|Package|Package body|Type|Type body|Materialized view|Role|User|Profile|Tablespace|Session|System|Database|Directory|Grant|Revoke|Statistics)\s+(?:created|altered|dropped|renamed|truncated|succeeded|purged|analyzed)\.|(?:\d+|no) rows? (?:created|updated|deleted|merged|selected)\.|no rows selected|PL\/SQL procedure successfully completed\.|Commit complete\.|Rollback complete\.|Savepoint created\.|Call completed\.|Grant succeeded\.|Revoke succeeded\.|Table truncated\.|Index dropped\.|Flashback complete\.)$/;

/** How many statements reported completion in SQL*Plus output (FEEDBACK 1). */
export function completedStatements(output: string): number {
  return output.split('\n').filter((l) => FEEDBACK.test(l.trim())).length;
}
