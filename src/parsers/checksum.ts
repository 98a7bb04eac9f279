/**
 * File digests: AIX `csum [-h SHA1|MD5|…] files` (upper-case hex, whitespace, file name) and GNU
 * `sha256sum` (`hex  name`, `hex *name` in binary mode, `\hex  name` when the name was escaped,
 * and the BSD `--tag` form `SHA256 (name) = hex`). Digests are returned in lower case.
 */
import { contentLines, ok } from './result.js';
import type { ParseNote, ParseResult } from './result.js';

export type DigestAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha512' | 'unknown';

export interface Digest {
  digest: string;
  file: string;
  /** From the tag, else guessed from the length (32 MD5, 40 SHA-1, 64 SHA-256, 128 SHA-512). */
  algorithm: DigestAlgorithm;
  line: number;
}

export interface Digests {
  digests: Digest[];
  /** `sha256sum: x: No such file or directory`, `csum: …` and the like. */
  errors: { line: number; text: string }[];
}

function byLength(hex: string): DigestAlgorithm {
  return ({ 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' } as Record<number, DigestAlgorithm>)[hex.length] ?? 'unknown';
}

function unescapeName(name: string): string {
  return name.replace(/\\(\\|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

function parseDigestLines(text: string, tool: RegExp): ParseResult<Digests> {
  const notes: ParseNote[] = [];
  const digests: Digest[] = [];
  const errors: Digests['errors'] = [];
  for (const line of contentLines(text)) {
    const gnu = /^(\\)?([0-9a-fA-F]{32,128})\s[ *]?(.+)$/.exec(line.text);
    const tag = /^(MD5|SHA1|SHA256|SHA512) \((.*)\) = ([0-9a-fA-F]+)$/.exec(line.text);
    if (tag) {
      digests.push({ digest: tag[3]!.toLowerCase(), file: tag[2]!, algorithm: tag[1]!.toLowerCase() as DigestAlgorithm, line: line.n });
    } else if (gnu) {
      const file = gnu[1] ? unescapeName(gnu[3]!) : gnu[3]!.replace(/^\s+/, '');
      digests.push({ digest: gnu[2]!.toLowerCase(), file, algorithm: byLength(gnu[2]!), line: line.n });
    } else if (tool.test(line.text)) errors.push({ line: line.n, text: line.text });
    else notes.push({ line: line.n, text: line.text, reason: 'not `digest file`' });
  }
  return ok({ digests, errors }, notes);
}

/** AIX `csum -h SHA256 files` (and the MD5/SHA1 forms of older levels). */
export function parseCsum(text: string): ParseResult<Digests> {
  return parseDigestLines(text, /^csum:|\d{4}-\d{3}\s/);
}

/** GNU coreutils `sha256sum files` (also `--tag`). */
export function parseSha256sum(text: string): ParseResult<Digests> {
  return parseDigestLines(text, /^sha256sum:/);
}
