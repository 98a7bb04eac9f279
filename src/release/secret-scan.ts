/**
 * The last check before an apply record reaches git: nothing secret-looking in the files.
 * Plans never hold secrets (sensitive values are `sha256:` markers), but a journal or a health
 * summary written by other code might; so the repository's own policy (src/load/policy.ts:
 * secret-named keys with literal values, high-entropy strings) runs over every record file,
 * plus the resolved secret values the caller still holds in memory, if it passes them.
 */
import { ENTROPY_LIMIT, ENTROPY_MIN_LENGTH, SECRET_KEY, isAddress, shannonEntropy } from '../load/policy.js';
import { SecretRef } from '../model/index.js';

export interface SecretFinding {
  file: string;
  /** JSON pointer or line number where it was found; never the value itself. */
  where: string;
  reason: string;
}

const SECRET_REF = new RegExp(SecretRef.pattern ?? '^$');
/** Values that are references or digests by construction. */
const HARMLESS = /^(sha256:[0-9a-f]{8,64}|[0-9a-f]{40}|[0-9a-f]{64})$/;
const NOT_SECRET_KEY = /(sha256|sha1|md5|checksum|hostkey|fingerprint|digest|ref|hash|revision|commit)$/i;

function highEntropyToken(text: string): boolean {
  for (const token of text.split(/[\s"'`,;()[\]{}<>|]+/)) {
    if (token.length < ENTROPY_MIN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) continue;
    if (token.startsWith('/') || token.includes('://') || SECRET_REF.test(token) || HARMLESS.test(token)) continue;
    if (isAddress(token)) continue; // the same rule as the repository policy
    if (shannonEntropy(token) > ENTROPY_LIMIT) return true;
  }
  return false;
}

function walk(value: unknown, ptr: string, key: string, file: string, out: SecretFinding[]): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${ptr}/${i}`, key, file, out));
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k, file, out);
    return;
  }
  const literal = typeof value === 'number' || (typeof value === 'string' && value !== '');
  if (literal && SECRET_KEY.test(key) && !(typeof value === 'string' && (SECRET_REF.test(value) || HARMLESS.test(value)))) {
    out.push({ file, where: ptr || '/', reason: `literal value under secret-named key "${key}"` });
  } else if (typeof value === 'string' && !NOT_SECRET_KEY.test(key) && highEntropyToken(value)) {
    out.push({ file, where: ptr || '/', reason: `high-entropy string under "${key}"` });
  }
}

function known(text: string, file: string, secretValues: readonly string[], out: SecretFinding[]): void {
  text.split('\n').forEach((line, i) => {
    if (secretValues.some((s) => s.length >= 4 && line.includes(s))) out.push({ file, where: `line ${i + 1}`, reason: 'a resolved secret value' });
  });
}

/** Scans one file's text: JSON / JSON lines structurally, anything else token by token. */
export function scanRecordFile(file: string, text: string, secretValues: readonly string[] = []): SecretFinding[] {
  const out: SecretFinding[] = [];
  known(text, file, secretValues, out);
  if (file.endsWith('.json')) walk(JSON.parse(text) as unknown, '', '', file, out);
  else if (file.endsWith('.jsonl')) {
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') walk(JSON.parse(line) as unknown, `line ${i + 1}`, '', file, out);
    });
  } else {
    text.split('\n').forEach((line, i) => {
      if (highEntropyToken(line)) out.push({ file, where: `line ${i + 1}`, reason: 'high-entropy token' });
    });
  }
  return out;
}
