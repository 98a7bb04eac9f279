import { describe, expect, it } from 'vitest';
import * as P from '../../../src/parsers/index.js';

const PARSERS: Record<string, (t: string) => unknown> = {
  parseVmstat: P.parseVmstat, parseSvmonG: P.parseSvmonG, parseLspsS: P.parseLspsS, parseLspsA: P.parseLspsA,
  parseDfG: P.parseDfG, parseDfP: P.parseDfP, parseErrptSummary: P.parseErrptSummary, parseOslevel: P.parseOslevel,
  parseInstfix: P.parseInstfix, parseLssrc: P.parseLssrc, parsePsEf: P.parsePsEf, parsePsEo: P.parsePsEo, parseUptime: P.parseUptime,
  parseTunables: P.parseTunables, parseLsattrSys0: P.parseLsattrSys0, parseCsum: P.parseCsum, parseSha256sum: P.parseSha256sum,
  parseFree: (t) => P.parseFree(t), parseProcMeminfo: P.parseProcMeminfo, parseLoadavg: P.parseLoadavg, parseSysctl: P.parseSysctl,
  parseSsListen: P.parseSsListen, parseSqlplusCsv: (t) => P.parseSqlplusCsv(t), parseOraErrors: P.parseOraErrors,
  parseLsnrctlStatus: P.parseLsnrctlStatus, parseAlertLogLines: P.parseAlertLogLines, parseBeaLogLines: P.parseBeaLogLines,
  parseWlstResults: P.parseWlstResults, parseOracleSize: P.parseOracleSize,
  parseOpatchLsinventory: P.parseOpatchLsinventory, parseOpatchOutcome: P.parseOpatchOutcome, parseDatapatch: P.parseDatapatch,
  parseBsuView: P.parseBsuView, parseBsuOutcome: P.parseBsuOutcome,
};

/** Deterministic pseudo-random text (no clock, no Math.random: reproducible failures). */
function noise(seed: number, length: number): string {
  const alphabet = ' \t\n\r<>"#:=,-%./|*\\0123456789ABCDEFabcdefORA-BEA-TNS-状态{}[]()';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('parsers never throw', () => {
  const inputs = ['', '\n\n\n', '\u0000\u0001\u00ff', 'x'.repeat(100_000), '####<', 'OPSCTL-RESULT ', '"', ...Array.from({ length: 40 }, (_, i) => noise(i + 1, 400))];
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(name, () => {
      for (const input of inputs) expect(() => parse(input)).not.toThrow();
      expect(() => parse(undefined as unknown as string)).not.toThrow();
    });
  }
});
