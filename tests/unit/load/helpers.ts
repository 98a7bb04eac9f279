/** Test helpers: parse YAML text as if it were a repository file; copy the mini repository. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile, type ParsedDoc } from '../../../src/load/parse.js';
import type { RepoFile } from '../../../src/load/files.js';
import type { Diagnostic } from '../../../src/diag/index.js';

export const MINI_REPO = join(import.meta.dirname, '../../fixtures/mini-repo');

export function parseText(text: string, rel = 'desired-state/common/x.yaml'): { docs: ParsedDoc[]; diagnostics: Diagnostic[] } {
  const file: RepoFile = { rel, abs: `/nowhere/${rel}`, area: 'common' };
  return parseFile(file, text);
}

/** Reads one document of the mini repository (by file and index) as text. */
export function fixtureDoc(rel: string, index = 0): string {
  return readFileSync(join(MINI_REPO, rel), 'utf8').split(/^---$/m)[index]!.replace(/^\n/, '');
}

/** A scratch copy of the mini repository. */
export function copyMiniRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-load-'));
  cpSync(MINI_REPO, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in a file of `root` (exactly once, or throws). */
export function edit(root: string, rel: string, from: string | RegExp, to: string): void {
  const path = join(root, rel);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${rel}`);
  writeFileSync(path, next);
}

export function write(root: string, rel: string, text: string): void {
  writeFileSync(join(root, rel), text);
}

export const brief = (d: Diagnostic): string => `${d.source?.file}:${d.source?.line}:${d.source?.column}: ${d.message}`;
