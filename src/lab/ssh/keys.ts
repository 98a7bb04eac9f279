/**
 * The lab's SSH keys (host keys, authorized keys) parsed once, signing and verifying with cached
 * KeyObjects. ssh2's ParsedKey hands its PEM text to node:crypto on every sign/verify, which
 * parses it again each time (~1 ms for ed25519): one host-key signature and one client-signature
 * check per connection, two seconds of the lab's CPU per 1000 connections. Only ed25519 keys
 * (all the lab has) are changed; the algorithm and the bytes signed are ssh2's. The client side
 * does the same in transport/ssh-keys.ts (the lab does not import transport/).
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';

const asBuffer = (data: Buffer | string): Buffer => (typeof data === 'string' ? Buffer.from(data) : data);

/** `privateKey`: the same key as a KeyObject, when the caller holds one already. */
export function withKeyObjects(key: ParsedKey, privateKey?: KeyObject): ParsedKey {
  if (key.type !== 'ssh-ed25519') return key;
  const privatePem = key.getPrivatePEM() as string | null;
  const publicPem = key.getPublicPEM() as string | null;
  let priv: KeyObject | undefined = privateKey;
  let pub: KeyObject | undefined;
  // ssh2 reports failures as returned Error values, not exceptions: keep that contract.
  if (privatePem) {
    key.sign = ((data: Buffer | string) => {
      try {
        return sign(null, asBuffer(data), (priv ??= createPrivateKey(privatePem)));
      } catch (err) {
        return err as Error;
      }
    }) as ParsedKey['sign'];
  }
  if (publicPem) {
    key.verify = ((data: Buffer | string, signature: Buffer) => {
      try {
        return verify(null, asBuffer(data), (pub ??= createPublicKey(publicPem)), signature);
      } catch (err) {
        return err as Error;
      }
    }) as ParsedKey['verify'];
  }
  return key;
}

/** A lab host key parsed once, signing with its KeyObject. */
export function parseHostKey(text: string, privateKey?: KeyObject): ParsedKey {
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error) throw new Error(`lab ssh: unreadable host key: ${parsed.message}`);
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first) throw new Error('lab ssh: no host key');
  return withKeyObjects(first, privateKey);
}
