/**
 * Policy checks: no literal secrets (by key name and by entropy), one listener per port per
 * host in an environment, pinned SSH host keys on every production host.
 */
import { error, type Diagnostic } from '../diag/index.js';
import type { EnvDocs, Layers } from './layers.js';
import type { ParsedDoc } from './parse.js';
import { items } from './build.js';
import { isRecord, keyPos, pointer, valuePos, type PosMap } from './paths.js';
import { secretRefPattern } from './validators.js';
import { parseAddress } from '../model/address.js';

/** Keys that name a secret. Anchored at the end so `passwordLifeTime` or `passwordPolicy` pass. */
export const SECRET_KEY = /(pass(word)?|passwd|secret|token|credentials?|private[-_]?key|api[-_]?key)$/i;
let secretRefRegExp: RegExp | undefined;
const isSecretRef = (s: string): boolean => (secretRefRegExp ??= new RegExp(secretRefPattern())).test(s);
/** Keys whose values are checksums, fingerprints or references: long and random by design. */
const NOT_SECRET_KEY = /(sha256|sha1|md5|checksum|hostkey|fingerprint|credential|ref)$/i;
export const ENTROPY_LIMIT = 4.5;
export const ENTROPY_MIN_LENGTH = 32;

export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function looksLikeToken(s: string): boolean {
  return s.length >= ENTROPY_MIN_LENGTH && /^[\x21-\x7e]+$/.test(s) && !s.startsWith('/') && !s.includes('://') && !isSecretRef(s);
}

/** A command-line option with a value: `-Xverbosegclog:…`, `-Dname=…`, `--flag=…`. */
const OPTION = /^--?[A-Za-z][\w.$-]*[:=]/;
/** Keys whose values are lists of command-line options (`jvmArgs` of a WebLogic server). */
const OPTION_KEY = /^(jvm|java)(args|options|opts)$/i;

/**
 * The parts of a value that could be a secret. Options (`-Xdump:java:events=user,file=/u01/…`,
 * and anything under `jvmArgs`) are split at their separators; the option name and parts with
 * a path separator (log files, dump folders, class names) are not candidates, but a long
 * random value after `=` or `:` (`-Dapi.token=Zx9Q…`) still is.
 */
function candidates(value: string, key: string): string[] {
  if (!OPTION.test(value) && !(OPTION_KEY.test(key) && value.startsWith('-'))) return [value];
  return value
    .split(/[:=,;]/)
    .slice(1)
    .filter((part) => !part.includes('/') && !part.includes('\\'));
}

/**
 * An opsctl address or step id (`lab/weblogic:hall/server:hall_ms03#heapMaxMb`,
 * `restart:lab/oracle:coredb/instance:SBFCORE1`): words joined by the address grammar's
 * separators — structured names, never a secret, however varied their letters. A random
 * token would have to be a chain of `kind:name` segments with lower-case kinds to pass.
 */
export function isAddress(value: string): boolean {
  return value.includes('/') && !value.includes(' ') && !('error' in parseAddress(value));
}

function highEntropy(value: string, key: string): number | undefined {
  if (isAddress(value)) return undefined;
  for (const part of candidates(value, key)) {
    const h = looksLikeToken(part) ? shannonEntropy(part) : 0;
    if (h > ENTROPY_LIMIT) return h;
  }
  return undefined;
}

function walkSecrets(value: unknown, ptr: string, key: string, pos: PosMap, out: Diagnostic[]): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walkSecrets(v, pointer(ptr, i), key, pos, out));
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) walkSecrets(v, pointer(ptr, k), k, pos, out);
    return;
  }
  const literal = typeof value === 'number' || (typeof value === 'string' && value !== '');
  if (literal && SECRET_KEY.test(key) && !(typeof value === 'string' && isSecretRef(value))) {
    out.push(error('secret-literal', `literal secret under "${key}": use a reference (env:NAME, file:PATH, ssh-agent or store:PATH)`, valuePos(pos, ptr)));
    return;
  }
  const h = typeof value === 'string' && !NOT_SECRET_KEY.test(key) ? highEntropy(value, key) : undefined;
  if (h !== undefined) {
    out.push(error('secret-entropy', `"${key}" holds a high-entropy string (${h.toFixed(2)} bits/char) that looks like a secret: use a reference (env:NAME, file:PATH, ssh-agent or store:PATH)`, valuePos(pos, ptr)));
  }
}

/** Secret checks over every document as written (so schema-rejected keys are covered too). */
export function checkSecrets(docs: ParsedDoc[], out: Diagnostic[]): void {
  for (const d of docs) walkSecrets(d.value, '', '', d.pos, out);
}

interface PortUse {
  host: string;
  port: number;
  who: string;
  pos: PosMap;
  ptr: string;
}

function portUses(env: EnvDocs): PortUse[] {
  const uses: PortUse[] = [];
  const add = (host: unknown, port: unknown, who: string, pos: PosMap, ptr: string): void => {
    if (typeof host === 'string' && typeof port === 'number') uses.push({ host, port, who, pos, ptr });
  };
  for (const d of env.desired) {
    if (d.kind === 'WeblogicDomain') {
      const servers = items(d.value, 'servers');
      servers.forEach((s, i) => add(s['host'], s['listenPort'], `server ${String(s['name'])} of domain ${d.name}`, d.pos, `/servers/${i}/listenPort`));
      const admin = isRecord(d.value['admin']) ? d.value['admin'] : {};
      const same = servers.some((s) => s['name'] === admin['serverName'] && s['host'] === admin['host'] && s['listenPort'] === admin['port']);
      if (!same) add(admin['host'], admin['port'], `admin server of domain ${d.name}`, d.pos, '/admin/port');
      items(d.value, 'machines').forEach((m, i) => {
        const nm = isRecord(m['nodeManager']) ? m['nodeManager'] : {};
        add(m['host'], nm['port'], `node manager of machine ${String(m['name'])} (domain ${d.name})`, d.pos, `/machines/${i}/nodeManager/port`);
      });
    } else if (d.kind === 'OracleDatabase') {
      items(d.value, 'instances').forEach((inst) => add(inst['host'], d.value['listenerPort'], `listener of database ${d.name}`, d.pos, '/listenerPort'));
    }
  }
  return uses;
}

/** Two listeners on one port of one host is a clash, reported at the second with both named. */
export function checkPorts(layers: Layers, out: Diagnostic[]): void {
  for (const env of layers.envs.values()) {
    const seen = new Map<string, PortUse>();
    for (const use of portUses(env)) {
      const id = `${use.host}:${use.port}`;
      const first = seen.get(id);
      if (!first) seen.set(id, use);
      else if (first.who !== use.who) {
        const at = valuePos(first.pos, first.ptr);
        out.push(error('port-clash', `port ${use.port} on host ${use.host} (environment ${env.name}) is used by ${use.who} and by ${first.who}${at ? ` (${at.file}:${at.line})` : ''}`, valuePos(use.pos, use.ptr)));
      }
    }
  }
}

/** Every host of a production environment pins its SSH host key. */
export function checkHostKeys(layers: Layers, out: Diagnostic[]): void {
  for (const env of layers.envs.values()) {
    if (env.environment?.value['tier'] !== 'production') continue;
    for (const inv of env.inventories) {
      items(inv.value, 'hosts').forEach((h, i) => {
        const ssh = isRecord(h['ssh']) ? h['ssh'] : undefined;
        if (ssh && typeof ssh['hostKey'] === 'string') return;
        const ptr = ssh ? `/hosts/${i}/ssh` : `/hosts/${i}/name`;
        out.push(error('host-key', `host ${String(h['name'])}: production hosts must pin ssh.hostKey (SHA256 fingerprint from ssh-keygen -l)`, keyPos(inv.pos, ptr)));
      });
    }
  }
}
