/**
 * SQL*Plus's own commands: SET, WHENEVER SQLERROR, VARIABLE, EXEC, PRINT, PROMPT, EXIT,
 * CONNECT, DISCONNECT, STARTUP and SHUTDOWN (instance.ts); the formatting-only ones (COLUMN,
 * SPOOL, TTITLE, …) are accepted and ignored.
 */
import { logon, parseLogon } from './connect.js';
import { OraError } from './errors.js';
import { shutdown, startup } from './instance.js';
import type { Script } from './script.js';
import type { Session } from './session.js';

const IGNORED = new Set(['SPOOL', 'SPO', 'COLUMN', 'COL', 'DEFINE', 'DEF', 'UNDEFINE', 'TTITLE', 'BTITLE', 'BREAK', 'COMPUTE', 'CLEAR', 'REM', 'REMARK', 'TIMING', 'PAUSE']);

function onOff(v: string | undefined): boolean {
  return (v ?? '').toUpperCase() === 'ON';
}

/** SET options, several per command (SET PAGESIZE 0 FEEDBACK OFF HEADING OFF). */
export function runSet(s: Session, words: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const opt = (words[i] ?? '').toUpperCase();
    const val = words[i + 1];
    const num = (): number => Number(val);
    if (/^(PAGES|PAGESIZE)$/.test(opt)) {
      s.settings.pagesize = num();
      i++;
    } else if (/^(FEED|FEEDBACK)$/.test(opt)) {
      const v = (val ?? '').toUpperCase();
      s.settings.feedback = v === 'OFF' ? 0 : v === 'ON' ? 1 : Number(v) || 0;
      i++;
    } else if (/^(HEA|HEADING)$/.test(opt)) {
      s.settings.heading = onOff(val);
      i++;
    } else if (/^COLSEP$/.test(opt)) {
      s.settings.colsep = (val ?? ' ').replace(/^'(.*)'$/, '$1');
      i++;
    } else if (/^(MARK|MARKUP)$/.test(opt)) i += markup(s, words.slice(i + 1));
    else if (/^(LINES|LINESIZE|TRIMS|TRIMSPOOL|TRIMOUT|TRIM|ECHO|VER|VERIFY|TERM|TERMOUT|TAB|WRAP|NEWP|NEWPAGE|LONG|SERVEROUTPUT|SERVEROUT|TIMING|DEFINE|DEF|ARRAYSIZE|NUMWIDTH|SQLBLANKLINES|AUTOCOMMIT|EXITCOMMIT|UNDERLINE|NULL|SQLPROMPT|TIME)$/.test(opt)) i++;
    else {
      s.out.push(`SP2-0158: unknown SET option "${words[i]}"`);
      return;
    }
  }
}

/** MARKUP CSV ON [DELIMITER c] [QUOTE ON|OFF] | HTML …; returns how many words it used. */
export function markup(s: Session, words: string[]): number {
  let used = 0;
  const kind = (words[used++] ?? '').toUpperCase();
  if (kind === 'CSV') {
    s.settings.csv = onOff(words[used++]);
    for (;;) {
      const w = (words[used] ?? '').toUpperCase();
      if (w === 'DELIMITER' || w === 'DELIM') s.settings.csvDelimiter = (words[used + 1] ?? ',').replace(/^'(.*)'$/, '$1');
      else if (w === 'QUOTE') s.settings.csvQuote = onOff(words[used + 1]);
      else break;
      used += 2;
    }
  } else if (kind === 'HTML') used++;
  return used;
}

function whenever(s: Session, words: string[]): void {
  if ((words[0] ?? '').toUpperCase() !== 'SQLERROR') return;
  const action = (words[1] ?? '').toUpperCase();
  if (action === 'CONTINUE') s.whenever = { rollback: false };
  else if (action === 'EXIT') {
    const rest = words.slice(2).map((w) => w.toUpperCase());
    const rollback = rest.includes('ROLLBACK');
    const spec = rest.find((w) => w !== 'COMMIT' && w !== 'ROLLBACK') ?? 'SUCCESS';
    s.whenever = { exit: spec, rollback };
  }
}

function variable(s: Session, text: string): void {
  const m = /^VAR(?:IABLE)?\s+(\w+)\s+(\w+)/i.exec(text);
  if (!m) return;
  const name = m[1]!.toUpperCase();
  s.declared.add(name);
  if (!(name in s.binds)) s.binds[name] = null;
}

function print(s: Session, words: string[]): void {
  for (const w of words) {
    const name = w.replace(/^:/, '').toUpperCase();
    const v = s.binds[name];
    s.out.push('', name, '-'.repeat(Math.max(name.length, String(v ?? '').length)), v === null || v === undefined ? '' : String(v), '');
  }
}

function connect(s: Session, arg: string, script: Script): void {
  s.commit();
  s.conn = undefined;
  const spec = parseLogon(arg);
  const password = spec.password ?? (spec.user ? script.readLine() : undefined);
  try {
    s.conn = logon(spec, password, s.ctx, s.passwordCheck);
  } catch (e) {
    if (!(e instanceof OraError)) throw e;
    s.reportError('', e, true);
  }
}

export function runPlus(s: Session, text: string, script: Script): void {
  const words = text.split(/\s+/).filter(Boolean);
  const cmd = (words[0] ?? '').toUpperCase();
  const rest = text.slice(words[0]?.length ?? 0).trim();
  if (cmd === 'SET') runSet(s, words.slice(1));
  else if (cmd === 'WHENEVER') whenever(s, words.slice(1));
  else if (cmd === 'VAR' || cmd === 'VARIABLE') variable(s, text);
  else if (cmd === 'EXEC' || cmd === 'EXECUTE') s.runSql(`BEGIN ${rest.replace(/;\s*$/, '')}; END;`, true);
  else if (cmd === 'PRINT') print(s, words.slice(1));
  else if (cmd === 'PROMPT' || cmd === 'PRO') s.out.push(rest);
  else if (cmd === 'EXIT' || cmd === 'QUIT') {
    const opts = words.slice(1).map((w) => w.toUpperCase());
    const rollback = opts.includes('ROLLBACK');
    s.exit(s.exitCode(opts.find((w) => w !== 'COMMIT' && w !== 'ROLLBACK')), rollback);
  } else if (cmd === 'CONNECT' || cmd === 'CONN') connect(s, rest, script);
  else if (cmd === 'DISCONNECT' || cmd === 'DISC') {
    s.commit();
    s.conn = undefined;
  }
  else if (cmd === 'STARTUP') startup(s, words.slice(1));
  else if (cmd === 'SHUTDOWN') shutdown(s, words.slice(1));
  else if (IGNORED.has(cmd) || cmd === 'SHOW' || cmd === 'SHO') return;
  else s.out.push(`SP2-0734: unknown command beginning "${text.slice(0, 10)}..." - rest of line ignored.`);
}
