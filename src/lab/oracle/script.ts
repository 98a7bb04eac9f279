/**
 * Splits what sqlplus reads from stdin into units the way SQL*Plus does: SQL*Plus commands
 * (one line, `-` continues), SQL statements (ended by `;` at a line end, or `/` on its own
 * line; a blank line ends the buffer without running it), PL/SQL blocks (ended by `/`).
 * Lenient where SQL*Plus versions differ: a `-- comment` after the final `;` is allowed.
 */

export type Unit =
  | { kind: 'plus'; text: string }
  | { kind: 'sql'; text: string; plsql: boolean }
  | { kind: 'eof' };

const PLUS = new Set(['SET', 'SHOW', 'SHO', 'WHENEVER', 'VARIABLE', 'VAR', 'EXEC', 'EXECUTE', 'PROMPT', 'PRO', 'EXIT', 'QUIT',
  'CONNECT', 'CONN', 'DISCONNECT', 'DISC', 'SPOOL', 'SPO', 'COLUMN', 'COL', 'DEFINE', 'DEF', 'UNDEFINE', 'TTITLE', 'BTITLE', 'BREAK',
  'COMPUTE', 'CLEAR', 'STARTUP', 'SHUTDOWN', 'PRINT', 'REM', 'REMARK', 'PASSWORD', 'TIMING', 'HOST', 'DESCRIBE', 'DESC', 'ARCHIVE', 'RECOVER', 'PAUSE', 'ACCEPT']);

const SQL = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'ALTER', 'CREATE', 'DROP', 'COMMIT', 'ROLLBACK', 'SAVEPOINT',
  'GRANT', 'REVOKE', 'TRUNCATE', 'BEGIN', 'DECLARE', 'LOCK', 'COMMENT', 'ANALYZE', 'AUDIT', 'NOAUDIT', 'RENAME', 'PURGE', 'FLASHBACK', 'CALL', 'EXPLAIN']);

/** The statement text with a trailing `;` (and `-- comment` after it) removed, if it ends there. */
function terminated(text: string): string | undefined {
  let inString = false;
  let lastSemi = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") inString = !inString;
    else if (!inString && ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (!inString && ch === ';') lastSemi = i;
    else if (!inString && lastSemi >= 0 && !/\s/.test(ch ?? '')) lastSemi = -1;
  }
  return lastSemi >= 0 ? text.slice(0, lastSemi) : undefined;
}

export class Script {
  private i = 0;
  private readonly lines: string[];
  /** The SQL buffer's last statement, for `/` on its own line. */
  private last: { text: string; plsql: boolean } | undefined;

  constructor(stdin: string) {
    this.lines = stdin.replace(/\r\n/g, '\n').split('\n');
    if (this.lines[this.lines.length - 1] === '') this.lines.pop();
  }

  /** The next raw line (for a password prompt), or undefined at end of input. */
  readLine(): string | undefined {
    return this.i < this.lines.length ? this.lines[this.i++] : undefined;
  }

  next(): Unit {
    for (;;) {
      const line = this.readLine();
      if (line === undefined) return { kind: 'eof' };
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('--')) continue;
      if (trimmed === '/') {
        if (this.last) return { kind: 'sql', ...this.last };
        continue;
      }
      const first = (/^[A-Za-z_@]+/.exec(trimmed)?.[0] ?? trimmed.slice(0, 1)).toUpperCase();
      if (trimmed.startsWith('@')) return { kind: 'plus', text: trimmed };
      if (PLUS.has(first)) return { kind: 'plus', text: this.continued(trimmed) };
      if (SQL.has(first)) {
        const unit = this.statement(line, first === 'BEGIN' || first === 'DECLARE' || /^CREATE\s+(OR\s+REPLACE\s+)?(PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE)\b/i.test(trimmed));
        if (unit) return unit;
        continue;
      }
      return { kind: 'plus', text: trimmed };
    }
  }

  private continued(first: string): string {
    let text = first;
    while (text.endsWith('-') && this.i < this.lines.length) text = `${text.slice(0, -1)} ${(this.readLine() ?? '').trim()}`;
    return text;
  }

  private statement(firstLine: string, plsql: boolean): Unit | undefined {
    const buffer: string[] = [];
    let line: string | undefined = firstLine;
    let slash = false;
    while (line !== undefined) {
      const trimmed = line.trim();
      if (trimmed === '/') {
        slash = true;
        break;
      }
      if (!plsql && trimmed === '') {
        this.last = { text: buffer.join('\n'), plsql };
        return undefined;
      }
      if (plsql && trimmed === '.') {
        this.last = { text: buffer.join('\n'), plsql };
        return undefined;
      }
      buffer.push(line);
      if (!plsql) {
        const text = terminated(buffer.join('\n'));
        if (text !== undefined) {
          this.last = { text, plsql };
          return { kind: 'sql', text, plsql };
        }
      }
      line = this.readLine();
    }
    this.last = { text: buffer.join('\n'), plsql };
    return slash ? { kind: 'sql', ...this.last } : undefined;
  }
}
