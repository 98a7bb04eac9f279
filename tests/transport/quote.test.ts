// Quoting for remote shells and Oracle identifiers. The round trip through a real remote
// /bin/sh is in ssh-openssh.test.ts; here the same strings go through the local /bin/sh.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QuotingError, oracleIdentifier, shellCommand, shellQuote } from '../../src/transport/index.js';

const NASTY = ['', 'a b', "it's", '$(id) `id` $HOME', 'x; y | z && w', 'l1\nl2', '中文', "'", '\\', '-n'];

describe('shellQuote', () => {
  it('uses single-quote style', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('plain')).toBe(`'plain'`);
    expect(shellQuote('')).toBe(`''`);
  });

  it.each(NASTY)('round-trips %j through the local /bin/sh', (word) => {
    const out = execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(out).toBe(word);
  });

  it('refuses NUL bytes with a typed error', () => {
    expect(() => shellQuote('a\0b')).toThrow(QuotingError);
    expect(() => shellCommand(['echo', 'a\0b'])).toThrow(QuotingError);
  });
});

describe('shellCommand', () => {
  it('quotes every word, so a first word cannot become an assignment or keyword', () => {
    expect(shellCommand(['A=1', 'if'])).toBe(`'A=1' 'if'`);
    const out = execFileSync('/bin/sh', ['-c', shellCommand(['printf', '%s|', ...NASTY])], { encoding: 'utf8' });
    expect(out).toBe(NASTY.map((w) => `${w}|`).join(''));
  });

  it('refuses an empty argv', () => {
    expect(() => shellCommand([])).toThrow(QuotingError);
  });
});

describe('oracleIdentifier', () => {
  it('accepts upper-case identifiers and double-quotes them', () => {
    expect(oracleIdentifier('SBF_DATA')).toBe('"SBF_DATA"');
    expect(oracleIdentifier('A$B#1')).toBe('"A$B#1"');
  });

  it.each(['sbf', '1ABC', 'A B', 'A"B', 'A;DROP', '', 'ÄBC', 'X--'])('refuses %j', (name) => {
    expect(() => oracleIdentifier(name)).toThrow(QuotingError);
  });

  it('refuses names longer than the limit (30 for 11.2)', () => {
    expect(() => oracleIdentifier('A'.repeat(31), 30)).toThrow(/longer than 30/);
    expect(oracleIdentifier('A'.repeat(30), 30)).toBe(`"${'A'.repeat(30)}"`);
  });
});
