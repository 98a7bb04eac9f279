/**
 * Values and expression evaluation of the opsctl WLST dialect: Python-like values, str()/repr,
 * `+`, attribute access on strings, files and `cmo`, and calls into the WLST builtins.
 */
import type { Expr } from './wlst-parse.js';

export class PyDict { constructor(readonly map: Map<string, Val>) {} }
export class PyFn { constructor(readonly name: string, readonly call: (args: Val[], kw: Record<string, Val>) => Val) {} }
export class PyObj { constructor(readonly type: string, readonly attr: (name: string) => Val | undefined) {} }
export type Val = string | number | boolean | null | Val[] | PyDict | PyFn | PyObj;

/** A Python exception raised by the script (NameError, WLSTException, …). */
export class PyError extends Error {
  constructor(readonly type: string, message: string, public line = 0) {
    super(message);
  }
}

export function repr(v: Val): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return str(v);
}

export function str(v: Val): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if (v instanceof PyDict) return `{${[...v.map].map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`;
  if (v instanceof PyFn) return `<function ${v.name}>`;
  return `[MBean ${v.type}]`;
}

/** JSON of a value as the prelude's emit() writes it (booleans as 1/0, as Jython 2.2 has them). */
export function toJson(v: Val): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof PyDict) return Object.fromEntries([...v.map].map(([k, x]) => [k, toJson(x)]));
  return str(v);
}

function stringMethod(s: string, name: string): Val | undefined {
  const m: Record<string, (args: Val[]) => Val> = {
    strip: () => s.trim(), upper: () => s.toUpperCase(), lower: () => s.toLowerCase(),
    split: (a) => (a[0] === undefined ? s.trim().split(/\s+/) : s.split(str(a[0]!))),
    replace: (a) => s.split(str(a[0] ?? '')).join(str(a[1] ?? '')),
  };
  const f = m[name];
  return f ? new PyFn(name, (a) => f(a)) : undefined;
}

export type Scope = Map<string, Val>;

export function evaluate(e: Expr, scope: Scope): Val {
  switch (e.k) {
    case 'lit': return e.v;
    case 'name': {
      const v = scope.get(e.n);
      if (v === undefined) throw new PyError('NameError', e.n);
      return v;
    }
    case 'list': return e.items.map((x) => evaluate(x, scope));
    case 'dict': {
      const map = new Map<string, Val>();
      for (const [k, v] of e.entries) map.set(str(evaluate(k, scope)), evaluate(v, scope));
      return new PyDict(map);
    }
    case 'neg': {
      const v = evaluate(e.e, scope);
      if (typeof v !== 'number') throw new PyError('TypeError', 'bad operand type for unary -');
      return -v;
    }
    case 'add': {
      const l = evaluate(e.l, scope), r = evaluate(e.r, scope);
      if (typeof l === 'number' && typeof r === 'number') return l + r;
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
      throw new PyError('TypeError', `unsupported operand type(s) for +: '${typeName(l)}' and '${typeName(r)}'`);
    }
    case 'attr': {
      const o = evaluate(e.obj, scope);
      const v = typeof o === 'string' ? stringMethod(o, e.name) : o instanceof PyObj ? o.attr(e.name) : undefined;
      if (v === undefined) throw new PyError('AttributeError', `'${typeName(o)}' object has no attribute '${e.name}'`);
      return v;
    }
    case 'call': {
      const fn = evaluate(e.fn, scope);
      if (!(fn instanceof PyFn)) throw new PyError('TypeError', `'${typeName(fn)}' object is not callable`);
      const kw: Record<string, Val> = {};
      for (const [k, v] of e.kwargs) kw[k] = evaluate(v, scope);
      return fn.call(e.args.map((a) => evaluate(a, scope)), kw);
    }
  }
}

export function typeName(v: Val): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'int';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PyFn) return 'function';
  return v.type;
}
