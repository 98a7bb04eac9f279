/**
 * WDT model tokens (reference/weblogic.md §1.3). Non-secret values: `@@PROP:KEY@@` is resolved
 * from the variables when they hold KEY, every other token is kept as written; each is listed.
 * Secret values are never resolved: `@@SECRET:name:key@@`, `@@ENV:NAME@@` and `@@FILE:path@@`
 * become references (store:, env:, file:), anything else is dropped and listed.
 */
import { child, isMap, unmapped, type Ctx } from './context.js';
import { isSecretKey } from './reasons.js';

const TOKEN = /@@(PROP|ENV|SECRET|FILE):[^@]*?@@|@@(ORACLE_HOME|WL_HOME|DOMAIN_HOME|PWD|TMP)@@/g;
const PROP = /@@PROP:([^@]+?)@@/g;

function record(ctx: Ctx, path: string, token: string, action: 'resolved' | 'kept'): void {
  if (!ctx.tokens.some((t) => t.path === path && t.token === token)) ctx.tokens.push({ path, token, action });
}

/** Substitutes `@@PROP:KEY@@` from the variables; lists every token met, resolved or kept. */
export function resolveText(ctx: Ctx, value: string, path: string): string {
  const resolved = value.replace(PROP, (whole, key: string) => {
    const found = ctx.variables?.get(key);
    record(ctx, path, whole, found === undefined ? 'kept' : 'resolved');
    return found ?? whole;
  });
  for (const m of resolved.matchAll(TOKEN)) if (!m[0].startsWith('@@PROP:')) record(ctx, path, m[0], 'kept');
  return resolved;
}

/**
 * The model with tokens in keys and non-secret values resolved. Subtrees under secret keys
 * (AdminPassword, PasswordEncrypted, Properties/password, …) are left exactly as written: their
 * mapper turns them into references or drops them, and nothing else ever reads them.
 */
export function resolveTree(ctx: Ctx, node: unknown, path: string): unknown {
  if (typeof node === 'string') return resolveText(ctx, node, path);
  if (Array.isArray(node)) return node.map((item) => resolveTree(ctx, item, path));
  if (!isMap(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const name = key.includes('@@') ? resolveText(ctx, key, child(path, key)) : key;
    out[name] = isSecretKey(key) ? value : resolveTree(ctx, value, child(path, name));
  }
  return out;
}

/** Characters a store: path may hold; anything else becomes "_". */
function storeSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * A secret value of the model as a reference, or undefined when it cannot be one (a literal, a
 * `@@PROP@@` whose value sits in a variables file): then it is listed as dropped and the caller
 * writes a placeholder reference.
 */
export function secretReference(ctx: Ctx, raw: unknown, path: string): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'string' ? raw.trim() : '';
  const secret = /^@@SECRET:([^:@]+):([^:@]+)@@$/.exec(value);
  if (secret) {
    const ref = `store:${storeSegment(ctx.env)}/weblogic/${storeSegment(ctx.domain)}/${storeSegment(secret[1]!)}/${storeSegment(secret[2]!)}`;
    ctx.tokens.push({ path, token: value, action: 'secret-reference', reference: ref });
    return ref;
  }
  const env = /^@@ENV:([A-Za-z_][A-Za-z0-9_]*)@@$/.exec(value);
  if (env) {
    const ref = `env:${env[1]!}`;
    ctx.tokens.push({ path, token: value, action: 'secret-reference', reference: ref });
    return ref;
  }
  const file = /^@@FILE:(.+)@@$/.exec(value);
  if (file) {
    const target = resolveText(ctx, file[1]!, path);
    if (/^\/[^\s@]+$/.test(target)) {
      const ref = `file:${target}`;
      ctx.tokens.push({ path, token: value, action: 'file-reference', reference: ref });
      return ref;
    }
  }
  const prop = /^@@PROP:([^@]+)@@$/.exec(value);
  if (prop) {
    ctx.tokens.push({ path, token: value, action: 'secret-dropped' });
    unmapped(ctx, path, `secret dropped, reference needed (${value} would copy the value from a variables file)`);
    return undefined;
  }
  unmapped(ctx, path, 'secret dropped, reference needed (a literal or encrypted value is never copied)');
  return undefined;
}
