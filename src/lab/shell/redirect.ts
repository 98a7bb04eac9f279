/**
 * Redirections of one simple command: where its stdin comes from (file, here-document) and
 * where fd 1 and 2 go (stdout, stderr, /dev/null, a virtual file; n>&m duplicates).
 */
import type { Redirect } from './ast.js';
import type { CommandResult } from './types.js';
import { expandString, type ExpandEnv } from './expand.js';
import { shellName, type Output, type Shell } from './session.js';
import { fileText, hostOf, noEntryText, resolvePath, writeFile } from './vfs.js';

export type Sink = { kind: 'out' } | { kind: 'err' } | { kind: 'null' } | { kind: 'file'; path: string; shown: string };
export type Sinks = Map<number, Sink>;

function specialSink(target: string): Sink | undefined {
  if (target === '/dev/null') return { kind: 'null' };
  if (target === '/dev/stdout') return { kind: 'out' };
  if (target === '/dev/stderr') return { kind: 'err' };
  return undefined;
}

/** Applies redirections in order; returns the stdin override, or an error text for stderr. */
export async function applyRedirects(redirects: Redirect[], sh: Shell, e: ExpandEnv, sinks: Sinks): Promise<{ stdin?: string } | string> {
  let stdin: string | undefined;
  const name = shellName(sh);
  for (const r of redirects) {
    const target = await expandString(r.target, e);
    if (r.op === '<<') {
      stdin = target;
    } else if (r.op === '<') {
      if (target === '/dev/stdin') continue;
      if (target === '/dev/null') {
        stdin = '';
        continue;
      }
      const file = hostOf(sh).files[resolvePath(sh.cwd, target)];
      if (!file) return sh.os === 'aix' ? `${name}: ${target}: cannot open\n` : `${name}: ${target}: ${noEntryText(hostOf(sh))}\n`;
      stdin = fileText(file);
    } else if (r.op === '>&') {
      if (target === '-') sinks.set(r.fd, { kind: 'null' });
      else if (/^\d+$/.test(target)) sinks.set(r.fd, sinks.get(Number(target)) ?? { kind: 'null' });
      else return `${name}: ${target}: ambiguous redirect\n`;
    } else if (r.op === '>' || r.op === '>>') {
      const special = specialSink(target);
      if (special) {
        sinks.set(r.fd, special);
        continue;
      }
      const path = resolvePath(sh.cwd, target);
      const err = writeFile(sh, path, '', r.op === '>>');
      if (err) return `${name}: ${target}: ${err}\n`;
      sinks.set(r.fd, { kind: 'file', path, shown: target });
    }
  }
  return stdin === undefined ? {} : { stdin };
}

/** Sends a command's stdout/stderr to where fd 1 and 2 point. */
export function routeOutput(result: CommandResult, sinks: Sinks, sh: Shell): Output {
  const out: Output = { stdout: '', stderr: '' };
  const send = (fd: number, data: string): void => {
    if (!data) return;
    const sink = sinks.get(fd) ?? { kind: 'null' };
    if (sink.kind === 'out') {
      out.stdout += data;
      if (fd === 1 && result.stdoutBytes) out.stdoutBytes = result.stdoutBytes;
    }
    else if (sink.kind === 'err') out.stderr += data;
    else if (sink.kind === 'file') {
      const err = writeFile(sh, sink.path, data, true);
      if (err) {
        out.stderr += `${shellName(sh)}: ${sink.shown}: ${err}\n`;
        if (sh.status === 0) sh.status = 1;
      }
    }
  };
  send(1, result.stdout);
  send(2, result.stderr);
  return out;
}
