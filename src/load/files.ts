/**
 * Finding the repository's YAML files and saying which layer each belongs to. The only place
 * (with artifacts.ts) that touches the file system.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { error, type Diagnostic } from '../diag/index.js';

/** Files larger than this are refused rather than parsed. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type Area = 'inventory' | 'common' | 'overlay' | 'release' | 'playbook';

export interface RepoFile {
  /** Path relative to the repository root, with "/" separators. */
  rel: string;
  abs: string;
  area: Area;
  /** The environment folder for inventory/<env>/ and desired-state/<env>/. */
  env?: string;
  /** The release folder name for releases/<name>/release.yaml. */
  release?: string;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  return entries.map((e) => join(dir, e)).sort();
}

const isYaml = (p: string): boolean => /\.ya?ml$/.test(p);

function classify(rel: string): Omit<RepoFile, 'rel' | 'abs'> | undefined {
  const parts = rel.split('/');
  const [top, second] = parts;
  if (top === 'inventory' && parts.length === 3 && second) return { area: 'inventory', env: second };
  if (top === 'desired-state' && parts.length >= 3 && second) {
    return second === 'common' ? { area: 'common' } : { area: 'overlay', env: second };
  }
  if (top === 'releases' && parts.length === 3 && parts[2] === 'release.yaml' && second) return { area: 'release', release: second };
  if (top === 'playbooks') return { area: 'playbook' };
  return undefined;
}

/** Every YAML file the loader reads, sorted, with a diagnostic for each stray one. */
export function listRepoFiles(root: string): { files: RepoFile[]; diagnostics: Diagnostic[] } {
  const files: RepoFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const top of ['inventory', 'desired-state', 'releases', 'playbooks']) {
    for (const abs of walk(join(root, top))) {
      if (!isYaml(abs) || !statSync(abs).isFile()) continue;
      const rel = relative(root, abs).split(sep).join('/');
      const where = classify(rel);
      if (where) files.push({ rel, abs, ...where });
      else if (top !== 'releases') {
        diagnostics.push(error('layout', `${rel} is not where opsctl looks for YAML (see docs/model.md, "Repository layout")`, { file: rel, line: 1, column: 1 }));
      }
    }
  }
  return { files, diagnostics };
}

/** Reads a file, refusing ones too large to be hand-written YAML. */
export function readRepoFile(file: RepoFile): { text?: string; diagnostic?: Diagnostic } {
  const size = statSync(file.abs).size;
  if (size > MAX_FILE_BYTES) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    return { diagnostic: error('file-too-large', `file is ${mb(size)} MB; YAML files larger than ${mb(MAX_FILE_BYTES)} MB are refused`, { file: file.rel, line: 1, column: 1 }) };
  }
  const bytes = readFileSync(file.abs);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { diagnostic: error('not-utf8', 'file is not valid UTF-8 (YAML files must be UTF-8 encoded)', { file: file.rel, ...firstInvalidUtf8(bytes) }) };
  }
}

/** Line and column (1-based, in characters) of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const lines = new TextDecoder('utf-8').decode(bytes).split('\n');
  const line = lines.findIndex((l) => l.includes('\uFFFD'));
  return line === -1 ? { line: 1, column: 1 } : { line: line + 1, column: lines[line]!.indexOf('\uFFFD') + 1 };
}

/** Names of the templates under templates/ (relative to it, "/" separators). */
export function listTemplates(root: string): Set<string> {
  const dir = join(root, 'templates');
  return new Set(walk(dir).filter((p) => p.endsWith('.ejs')).map((p) => relative(dir, p).split(sep).join('/')));
}

/** sha256 (lower-case hex) of a file, or undefined when it does not exist. */
export function sha256OfFile(abs: string): string | undefined {
  if (!existsSync(abs) || !statSync(abs).isFile()) return undefined;
  return createHash('sha256').update(readFileSync(abs)).digest('hex');
}
