/**
 * OpenSSH host-key fingerprints. The same computation as `ssh-keygen -lf` (and as the lab's
 * `fingerprintOfBlob` in src/lab/hostkeys.ts, which may re-export this one).
 */
import { createHash } from 'node:crypto';

/** `SHA256:<base64 without padding>` of a public key blob (the wire form of the key). */
export function fingerprintOfBlob(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Fingerprint of an `authorized_keys`/`.pub` line: `ssh-ed25519 AAAA… comment`. */
export function fingerprintOfPublicKeyLine(line: string): string {
  const b64 = line.trim().split(/\s+/)[1];
  if (!b64) throw new Error('not a public key line');
  return fingerprintOfBlob(Buffer.from(b64, 'base64'));
}
