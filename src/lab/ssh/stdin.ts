/**
 * Does a command line read the SSH channel's stdin? Real `ssh host CMD` waits for the client's
 * EOF only when CMD reads stdin; the lab does the same so that clients that never send EOF
 * (most exec callers) are answered at once, and `crontab -`, `cat > f`, `sqlplus` without a
 * here-document, `… < /dev/stdin` get their input.
 */
import type { Script, SimpleCommand, Word } from '../shell/ast.js';

const FILTERS = new Set(['cat', 'head', 'tail', 'wc', 'sort', 'uniq', 'sha256sum', 'md5sum', 'cksum', 'csum', 'gzip']);
const PATTERN_FILTERS = new Set(['grep', 'egrep', 'sed', 'cut']);
const ALWAYS = new Set(['tee', 'sqlplus']);

function text(w: Word): string {
  return w.segs.map((s) => (s.t === 'lit' ? s.v : '$')).join('');
}

function reads(cmd: SimpleCommand): boolean {
  if (cmd.redirects.some((r) => r.fd === 0 && (r.op === '<<' || r.op === '<'))) {
    return cmd.redirects.some((r) => r.op === '<' && text(r.target) === '/dev/stdin');
  }
  const words = cmd.words.map(text);
  const name = (words[0] ?? '').replace(/^.*\//, '');
  const operands = words.slice(1).filter((w) => !w.startsWith('-') && !/^\d+$/.test(w));
  if (name === 'sudo') return reads({ ...cmd, words: cmd.words.slice(1).filter((w) => !text(w).startsWith('-')) });
  if (name === 'sqlplus') return !words.some((w) => w.startsWith('@') || /^-[vV]$/.test(w));
  if (ALWAYS.has(name)) return true;
  if (FILTERS.has(name)) return operands.length === 0 || operands.includes('-');
  if (PATTERN_FILTERS.has(name)) return operands.length <= 1;
  if (name === 'crontab') return words.includes('-') || words.length === 1;
  if (name === 'sh' || name === 'ksh' || name === 'bash') return words.length === 1;
  return false;
}

export function readsStdin(script: Script): boolean {
  return script.items.some((item) => [item.first, ...item.rest.map((r) => r.pipeline)].some((p) => p.commands[0] !== undefined && reads(p.commands[0])));
}
