/**
 * SSH connection settings and error classification for the pool in ssh.ts: the target type, the
 * ssh2 connect config built from it (auth, algorithms, keepalive, timeouts, host-key verifier),
 * and the one function that turns ssh2's connection errors into the typed errors.
 */
import type { Algorithms, ConnectConfig, ParsedKey, PasswordAuthMethod, PublicKeyAuthMethod } from 'ssh2';
import { HostKeyMismatchError, HostKeyUnknownError, SshAuthError, SshConnectError, TransportError } from './errors.js';
import { fingerprintOfBlob } from './fingerprint.js';
import type { Secret } from './secrets.js';
import { parseKeyOnce } from './ssh-keys.js';

/** One SSH endpoint, from the inventory, with its credential already resolved. */
export interface SshTarget {
  /** Inventory name: the pool keeps one connection per (user, host). */
  host: string;
  address: string;
  /** Default 22. */
  port?: number;
  user: string;
  /** A private key text or password (`kind: 'value'`), or the ssh-agent socket. */
  credential: Secret;
  /** Passphrase of an encrypted private key. */
  passphrase?: Secret;
  /** Pinned `SHA256:…` fingerprint. Without one the connection is refused (HostKeyUnknownError). */
  hostKey?: string;
  /** A bastion to reach this host through (its own connection, pooled like any other). */
  jump?: SshTarget;
  /** Also offer the older algorithms AIX 7.1's OpenSSH needs (see LEGACY_ALGORITHMS). */
  legacyAlgorithms?: boolean;
}

/**
 * Algorithms appended (after the modern defaults, so they are used only when the server offers
 * nothing better) for old OpenSSH builds on AIX 7.1: SHA-1 key exchange, CBC ciphers, SHA-1 MACs.
 * `ssh-rsa` (SHA-1 RSA signatures) is already in ssh2's default host-key list.
 */
export const LEGACY_ALGORITHMS: Algorithms = {
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'], prepend: [], remove: [] },
  cipher: { append: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'], prepend: [], remove: [] },
  serverHostKey: { append: ['ssh-rsa'], prepend: [], remove: [] },
  hmac: { append: ['hmac-sha1', 'hmac-sha1-96', 'hmac-md5'], prepend: [], remove: [] },
};

export interface ConnectSettings {
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
}

/** What the host-key verifier saw; read after a failed connect to classify the failure. */
export interface HostKeyVerdict {
  outcome?: 'accepted' | 'unknown' | 'mismatch';
  presented?: string;
}

export function portOf(target: SshTarget): number {
  return target.port ?? 22;
}

/** A credential's private key, parsed once per Secret (every host of an estate shares it). */
const parsedKeys = new WeakMap<Secret, { passphrase: string | undefined; key: ParsedKey | Error }>();

function parsedKeyOf(credential: Secret, passphrase: string | undefined): ParsedKey | Error {
  const held = parsedKeys.get(credential);
  if (held && held.passphrase === passphrase) return held.key;
  const key = parseKeyOnce(credential.reveal(), passphrase);
  parsedKeys.set(credential, { passphrase, key });
  return key;
}

/**
 * The ssh2 config for `target`; `verdict` is filled in by the host-key verifier. A key or a
 * password is offered directly (an explicit authHandler), without ssh2's default first attempt
 * of method `none`: one round trip less per connection. A private key is parsed once per
 * credential, not per connection (ssh-keys.ts).
 */
export function buildConnectConfig(target: SshTarget, settings: ConnectSettings, verdict: HostKeyVerdict): ConnectConfig {
  const config: ConnectConfig = {
    host: target.address,
    port: portOf(target),
    username: target.user,
    readyTimeout: settings.connectTimeoutMs,
    keepaliveInterval: settings.keepaliveIntervalMs,
    keepaliveCountMax: settings.keepaliveCountMax,
    hostVerifier: (key: Buffer) => {
      const presented = fingerprintOfBlob(key);
      verdict.presented = presented;
      verdict.outcome = !target.hostKey ? 'unknown' : target.hostKey === presented ? 'accepted' : 'mismatch';
      return verdict.outcome === 'accepted';
    },
    ...(target.legacyAlgorithms ? { algorithms: LEGACY_ALGORITHMS } : {}),
  };
  const cred = target.credential;
  if (cred.kind === 'agent-socket') config.agent = cred.reveal();
  else if (/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(cred.reveal().trimStart())) {
    const passphrase = target.passphrase?.reveal();
    const key = parsedKeyOf(cred, passphrase);
    if (key instanceof Error) {
      // Let ssh2 report the unreadable key as it always has (classifyConnectError: SshAuthError).
      config.privateKey = cred.reveal();
      if (passphrase !== undefined) config.passphrase = passphrase;
    } else {
      const methods: PublicKeyAuthMethod[] = [{ type: 'publickey', username: target.user, key }];
      config.authHandler = methods;
    }
  } else {
    config.password = cred.reveal();
    const methods: PasswordAuthMethod[] = [{ type: 'password', username: target.user, password: cred.reveal() }];
    config.authHandler = methods;
  }
  return config;
}

type Ssh2Error = Error & { level?: string; code?: string };

/** Classify a failure to connect to `target` into one typed error; done once, here. */
export function classifyConnectError(err: unknown, target: SshTarget, verdict: HostKeyVerdict): TransportError {
  if (err instanceof TransportError) return err;
  const host = target.host;
  const where = `${target.address}:${portOf(target)}`;
  if (verdict.outcome === 'unknown') return new HostKeyUnknownError(verdict.presented ?? '?', { host, cause: err });
  if (verdict.outcome === 'mismatch') {
    return new HostKeyMismatchError(target.hostKey ?? '?', verdict.presented ?? '?', { host, cause: err });
  }
  const e = (err ?? {}) as Ssh2Error;
  const msg = typeof e.message === 'string' ? e.message : String(err);
  if (e.level === 'client-authentication' || /authentication methods failed/i.test(msg)) {
    return new SshAuthError(`authentication as ${target.user} on ${host} (${where}) failed`, target.user, { host, cause: err });
  }
  if (/privateKey|private key|passphrase/i.test(msg)) {
    return new SshAuthError(`the private key for ${target.user}@${host} could not be used (${target.credential.ref})`, target.user, { host, cause: err });
  }
  if (e.level === 'agent') {
    return new SshAuthError(`ssh-agent failed for ${target.user}@${host}: ${msg}`, target.user, { host, cause: err });
  }
  if (e.level === 'client-timeout' || e.code === 'ETIMEDOUT') {
    return new SshConnectError(`connecting to ${host} (${where}) timed out`, 'timeout', where, { host, cause: err });
  }
  if (e.code === 'ECONNREFUSED') {
    return new SshConnectError(`connection to ${host} (${where}) refused`, 'refused', where, { host, cause: err });
  }
  if (e.code && ['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL'].includes(e.code)) {
    return new SshConnectError(`${host} (${where}) unreachable (${e.code})`, 'unreachable', where, { host, cause: err });
  }
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || /closed|ended/i.test(msg)) {
    return new SshConnectError(`connection to ${host} (${where}) closed: ${msg}`, 'closed', where, { host, cause: err });
  }
  return new SshConnectError(`SSH to ${host} (${where}) failed: ${msg}`, 'protocol', where, { host, cause: err });
}
