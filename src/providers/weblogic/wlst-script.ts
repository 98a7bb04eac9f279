/**
 * Building WLST scripts as text, inside the opsctl WLST dialect (docs/lab-weblogic.md §2): the
 * verbatim prelude, then one statement per line at column 0 — assignments, calls and emit({...})
 * — no if/for/try, no print statements of our own. Scripts are built by TypeScript functions
 * (no ejs templates: nothing to copy into dist, and every value passes through `pyValue` /
 * `pyString`, the one quoting function for Python text). The result is valid Jython 2.2/2.7 and
 * its body (everything after the prelude) is also valid Python 3 syntax (tests compile both).
 */
import type { AttributeValue } from '../../core/index.js';

/** docs/lab-weblogic.md "Result channel: the prelude", verbatim. */
export const PRELUDE = `def _opsctl_json(v):
    if v is None:
        return 'null'
    t = type(v)
    if t == type(1) or t == type(1L) or t == type(1.0):
        return str(v)
    if t == type([]) or t == type(()):
        return '[' + ','.join(map(_opsctl_json, v)) + ']'
    if t == type({}):
        return '{' + ','.join([_opsctl_json(str(k)) + ':' + _opsctl_json(v[k]) for k in v.keys()]) + '}'
    s = str(v).replace('\\\\', '\\\\\\\\').replace('"', '\\\\"').replace('\\n', '\\\\n').replace('\\r', '\\\\r').replace('\\t', '\\\\t')
    return '"' + s + '"'

def emit(d):
    print 'OPSCTL-RESULT ' + _opsctl_json(d)
`;

export class PyQuotingError extends Error {
  override readonly name = 'PyQuotingError';
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/**
 * A Python string literal, single-quoted, valid in Jython 2.2/2.7 and Python 3. Only printable
 * ASCII plus \n \t \r are accepted: the dialect has no \x or \u escapes, and a 10.3.6 script file
 * has no declared encoding.
 */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else throw new PyQuotingError(`a WLST script value may hold only printable ASCII, got U+${code.toString(16).padStart(4, '0')}`);
  }
  return `${out}'`;
}

/** Any JSON-ish value as a Python literal (booleans as True/False, null as None). */
export function pyValue(v: AttributeValue | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new PyQuotingError(`not a finite number: ${v}`);
    return String(v);
  }
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** A call statement: `fn(arg, ..., key=value)`. */
export function call(fn: string, args: Array<AttributeValue>, kw: Record<string, AttributeValue> = {}): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fn)) throw new PyQuotingError(`not a function name: ${fn}`);
  const parts = [...args.map(pyValue), ...Object.entries(kw).map(([k, v]) => `${k}=${pyValue(v)}`)];
  return `${fn}(${parts.join(', ')})`;
}

/** `emit({...})` where values are Python expressions (e.g. `get('ListenPort')`) or literals. */
export function emitExpr(fields: Record<string, string>): string {
  return `emit({${Object.entries(fields).map(([k, e]) => `${pyString(k)}: ${e}`).join(', ')}})`;
}

export function emit(fields: Record<string, AttributeValue>): string {
  return emitExpr(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, pyValue(v)])));
}

export const get = (attr: string): string => `get(${pyString(attr)})`;
export const cd = (path: string): string => call('cd', [path]);

export interface Connection {
  user: string;
  /** t3://host:port of the admin server, as seen from the admin host. */
  url: string;
}

/** The script variable holding the i-th further secret (0-based), read from its file before connect. */
export const secretVar = (i: number): string => `secret${i + 1}`;

/**
 * Prelude + password from the file + each further secret from its file (`secret1`, … exactly as
 * written, see runWlst) + connect, then `body`, then disconnect.
 */
export function script(conn: Connection, passwordPath: string, body: readonly string[], secretPaths: readonly string[] = []): string {
  return [
    PRELUDE,
    `password = open(${pyString(passwordPath)}).read().strip()`,
    ...secretPaths.map((p, i) => `${secretVar(i)} = open(${pyString(p)}).read()`),
    call('connect', [conn.user]).replace(/\)$/, `, password, ${pyString(conn.url)})`),
    ...body,
    'disconnect()',
    '',
  ].join('\n');
}
