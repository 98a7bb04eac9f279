/**
 * Pathname expansion over a host's virtual files: `*`, `?` and `[...]` per path component,
 * hidden names only when the pattern starts with a dot; `\x` is a literal x.
 */
import type { LabHost } from '../state/types.js';
import { children, exists, isDir, resolvePath } from './vfs.js';

const hasMeta = (part: string): boolean => /(^|[^\\])[*?[]/.test(part);
const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');
const reChar = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function componentRe(part: string): RegExp {
  let src = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i] ?? '';
    if (c === '\\') src += reChar(part[++i] ?? '');
    else if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '[') {
      const end = part.indexOf(']', i + 2);
      if (end < 0) src += '\\[';
      else {
        const body = part.slice(i + 1, end);
        src += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else src += reChar(c);
  }
  return new RegExp(`^${src}$`);
}

export function globPaths(host: LabHost, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let paths = [absolute ? '/' : cwd];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of paths) {
      if (!hasMeta(part)) {
        const p = resolvePath(base, unescape(part));
        if (last ? exists(host, p) : isDir(host, p)) next.push(p);
        continue;
      }
      const re = componentRe(part);
      for (const c of children(host, base)) {
        if (re.test(c.name) && (!c.name.startsWith('.') || part.startsWith('.')) && (last || c.dir)) next.push(c.path);
      }
    }
    paths = next;
  }
  const prefix = cwd === '/' ? '/' : `${cwd}/`;
  return paths.map((p) => (absolute ? p : p.startsWith(prefix) ? p.slice(prefix.length) : p)).sort();
}
