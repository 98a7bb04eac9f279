/**
 * Checksums of virtual files: sha256sum / md5sum (Linux, `<hex>  FILE`), AIX `csum -h
 * SHA256|SHA1|MD5 FILE` (`<hex> FILE`), and POSIX `cksum` (CRC-32 as cksum defines it). Files
 * are hashed as bytes (binary files decoded from their base64 storage).
 */
import { createHash } from 'node:crypto';
import type { CommandHandler } from '../types.js';
import { fail } from '../types.js';
import { getopts, readInputs } from './util.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** POSIX cksum CRC of the bytes followed by their length. */
export function posixCksum(data: Buffer): number {
  let crc = 0;
  const step = (b: number): void => {
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ b) & 0xff] ?? 0)) >>> 0;
  };
  for (const b of data) step(b);
  for (let n = data.length; n > 0; n = Math.floor(n / 256)) step(n & 0xff);
  return ~crc >>> 0;
}

function digest(algo: string): CommandHandler {
  return (argv, ctx) => {
    const { rest } = getopts(argv.slice(1));
    const r = readInputs(ctx, argv[0] ?? algo, rest);
    const out = r.items.map((i) => `${createHash(algo).update(i.bytes ?? i.text).digest('hex')}  ${i.name}\n`).join('');
    return { stdout: out, stderr: r.errors, exitCode: r.failed ? 1 : 0 };
  };
}

export const sha256sum = digest('sha256');
export const md5sum = digest('md5');

export const csum: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'h');
  const algo = (flags.get('h') ?? 'MD5').toUpperCase();
  const node = ({ MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as Record<string, string>)[algo];
  if (!node) return fail(1, `csum: 3023-002 ${algo} is not a supported hash algorithm.\n`);
  const r = readInputs(ctx, 'csum', rest);
  const out = r.items.map((i) => `${createHash(node).update(i.bytes ?? i.text).digest('hex')} ${i.name === '-' ? '' : i.name}\n`).join('');
  return { stdout: out, stderr: r.errors, exitCode: r.failed ? 1 : 0 };
};

export const cksum: CommandHandler = (argv, ctx) => {
  const { rest } = getopts(argv.slice(1));
  const r = readInputs(ctx, 'cksum', rest);
  const out = r.items.map((i) => {
    const buf = i.bytes ?? Buffer.from(i.text);
    return `${posixCksum(buf)} ${buf.length}${i.name === '-' ? '' : ` ${i.name}`}\n`;
  }).join('');
  return { stdout: out, stderr: r.errors, exitCode: r.failed ? 1 : 0 };
};
