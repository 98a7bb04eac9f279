/** Runs the lab's sqlplus / lsnrctl handlers against a memory store of the fixture state. */
import { lsnrctlCommand, sqlplusCommand } from '../../../src/lab/oracle/index.js';
import type { LabStore } from '../../../src/lab/state/store.js';
import { memoryStore } from '../../../src/lab/state/store.js';
import type { CommandResult } from '../../../src/lab/shell/types.js';
import { NOW, fixtureState } from './fixture-state.js';

export function lab(): LabStore {
  return memoryStore(fixtureState());
}

export async function sqlplus(store: LabStore, stdin: string, opts: { argv?: string[]; host?: string; sid?: string } = {}): Promise<CommandResult> {
  const argv = opts.argv ?? ['sqlplus', '-s', '/', 'as', 'sysdba'];
  const env: Record<string, string> = opts.sid === undefined ? { ORACLE_SID: 'sbfcore1' } : opts.sid ? { ORACLE_SID: opts.sid } : {};
  return sqlplusCommand(argv, { store, host: opts.host ?? 'db01', user: 'oracle', now: NOW, stdin, env, cwd: '/home/oracle' });
}

export async function lsnrctl(store: LabStore, args: string[], host = 'db01'): Promise<CommandResult> {
  return lsnrctlCommand(['lsnrctl', ...args], { store, host, user: 'oracle', now: NOW, stdin: '', env: {}, cwd: '/' });
}

export const CSV = 'SET MARKUP CSV ON\nSET FEEDBACK OFF\nWHENEVER SQLERROR EXIT SQL.SQLCODE\n';

/** Parses SQL*Plus CSV output (quoted strings with "" escapes, bare numbers) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}
