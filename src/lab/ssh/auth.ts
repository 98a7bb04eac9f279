/**
 * Authentication of a lab SSH host: public keys from OpenSSH `authorized_keys` lines (the
 * signature is verified, not just the key matched) and an optional password. The `auth-fail`
 * fault rejects every attempt.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AuthContext, ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';
import { withKeyObjects } from './keys.js';

/** Parsed authorized keys by line: every host of a lab authorizes the same key, parsed once. */
const parsedLines = new Map<string, ParsedKey[]>();

export function parseAuthorizedKeys(lines: string[]): ParsedKey[] {
  const keys: ParsedKey[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    let held = parsedLines.get(t);
    if (!held) {
      const parsed = ssh2.utils.parseKey(t);
      if (parsed instanceof Error) throw new Error(`lab ssh: unreadable authorized key: ${parsed.message}`);
      held = (Array.isArray(parsed) ? parsed : [parsed]).map((k) => withKeyObjects(k));
      parsedLines.set(t, held);
    }
    keys.push(...held);
  }
  return keys;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AuthPolicy {
  keys: ParsedKey[];
  password: string | undefined;
  /** True while the `auth-fail` fault is active for this host. */
  refuseAll: () => boolean;
}

export function authenticate(ctx: AuthContext, policy: AuthPolicy): void {
  const methods: Array<'publickey' | 'password'> = [];
  if (policy.keys.length) methods.push('publickey');
  if (policy.password !== undefined) methods.push('password');
  if (policy.refuseAll()) return ctx.reject(methods);
  if (ctx.method === 'password' && policy.password !== undefined) {
    return sameSecret(ctx.password, policy.password) ? ctx.accept() : ctx.reject(methods);
  }
  if (ctx.method === 'publickey') {
    const key = policy.keys.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data))
      ?? policy.keys.find((k) => k.getPublicSSH().equals(ctx.key.data));
    if (!key) return ctx.reject(methods);
    if (!ctx.signature || !ctx.blob) return ctx.accept();
    return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) ? ctx.accept() : ctx.reject(methods);
  }
  ctx.reject(methods);
}
