/**
 * Lab SSH host keys, derived deterministically from the host name, so the lab inventory can pin
 * their fingerprints in git without any private key being committed. Lab only: a real host's
 * key is whatever the host generated, and its fingerprint is pinned from `ssh-keyscan`.
 *
 * `variant` gives a different key for the same host (the `hostkey-changed` fault).
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface LabHostKey {
  /** OpenSSH-format private key, as ssh2's Server takes it in `hostKeys`. */
  privateKey: string;
  /** `ssh-ed25519 AAAA…` public key line. */
  publicKey: string;
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** The private key as node:crypto holds it (made anyway to derive the public half): signs without re-parsing. */
  keyObject: KeyObject;
}

function sshString(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** The private key and the public half of an ed25519 key given its 32-byte seed. */
function ed25519FromSeed(seed: Buffer): { priv: KeyObject; pub: Buffer } {
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(priv).export({ format: 'der', type: 'spki' });
  return { priv, pub: spki.subarray(spki.length - 32) };
}

/** OpenSSH fingerprint of a public key blob (the base64 part of an authorized_keys line). */
export function fingerprintOfBlob(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function labHostKey(host: string, variant = 0): LabHostKey {
  const seed = createHash('sha256').update(`opsctl-lab-hostkey/v1:${host}:${variant}`).digest();
  const { priv, pub } = ed25519FromSeed(seed);
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = seed.readUInt32BE(0);
  let section = Buffer.concat([
    uint32(check),
    uint32(check),
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(`opsctl-lab ${host}`),
  ]);
  const pad: number[] = [];
  for (let i = 1; (section.length + pad.length) % 8 !== 0; i++) pad.push(i);
  section = Buffer.concat([section, Buffer.from(pad)]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(blob),
    sshString(section),
  ]);
  const b64 = body.toString('base64').replace(/(.{70})/g, '$1\n').replace(/\n$/, '');
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${blob.toString('base64')}`,
    fingerprint: fingerprintOfBlob(blob),
    keyObject: priv,
  };
}
