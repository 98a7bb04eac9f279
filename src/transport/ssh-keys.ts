/**
 * Parsed SSH keys that sign and verify without re-reading their PEM text. ssh2's ParsedKey hands
 * its PEM string to node:crypto on every sign/verify, which parses it again each time (~1 ms for
 * an ed25519 key): once per connection for the client's key and the server's host key, so a
 * second of CPU per 1000 hosts on each side. `withKeyObjects` gives an ed25519 key cached
 * KeyObjects (same algorithm, same bytes signed, same result); other key types are returned as
 * they are, since their hash algorithm is chosen inside ssh2.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';

const asBuffer = (data: Buffer | string): Buffer => (typeof data === 'string' ? Buffer.from(data) : data);

/** An ed25519 key that signs and verifies with KeyObjects made once; any other key unchanged. */
export function withKeyObjects(key: ParsedKey): ParsedKey {
  if (key.type !== 'ssh-ed25519') return key;
  const privatePem = key.getPrivatePEM() as string | null;
  const publicPem = key.getPublicPEM() as string | null;
  let priv: KeyObject | undefined;
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

/** ssh2's parseKey, first key of the text, with cached KeyObjects; an Error when unreadable. */
export function parseKeyOnce(text: string | Buffer, passphrase?: string): ParsedKey | Error {
  const parsed = ssh2.utils.parseKey(text, passphrase);
  if (parsed instanceof Error) return parsed;
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  return first ? withKeyObjects(first) : new Error('no key in the text');
}
