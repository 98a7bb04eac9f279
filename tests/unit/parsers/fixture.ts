import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ParseResult } from '../../../src/parsers/index.js';

const ROOT = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

/** Unwraps an ok result (fails the test with the parse error otherwise). */
export function value<T, E>(r: ParseResult<T, E>): T {
  if (!r.ok) expect.fail(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function failure<T, E>(r: ParseResult<T, E>): E {
  if (r.ok) expect.fail(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}
