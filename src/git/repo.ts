/**
 * The simple-git adapter: the only place the repository's history is read or written.
 * Commits made here are limited to the generated folders (reports/, releases/) and the files an
 * approval edits (releases/, playbooks/data-fixes/) — a helper that could commit desired state or
 * code would let an apply record smuggle in other changes.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { composeMessage, parseTrailers, type TrailerInput, type Trailers } from './trailers.js';

/** Folders the commit helpers may write (relative to the repository root, with the slash). */
export const COMMITTABLE = ['reports/', 'releases/', 'playbooks/data-fixes/'] as const;

/** A commit helper refused its input (a path outside COMMITTABLE, nothing to commit). */
export class GitRefusal extends Error {
  override readonly name = 'GitRefusal';
}

export interface CommitInfo {
  hash: string;
  author: { name: string; email: string };
  /** Author date, ISO 8601 with offset. */
  date: string;
  /** Committer date, ISO 8601 with offset. */
  committedAt: string;
  subject: string;
  trailers: Trailers;
}

export interface LogQuery {
  /** Only commits touching these paths (relative to the root). */
  paths?: string[];
  /** Only commits after this date (anything `git log --since` accepts; ISO is safest). */
  since?: string;
  /** Only commits whose message matches (git log --grep, fixed string). */
  grep?: string;
  /** Only commits carrying this trailer (and, when given, this value). */
  trailer?: { key: string; value?: string };
  /** History of this revision (default HEAD). */
  rev?: string;
}

function git(root: string): SimpleGit {
  return simpleGit({ baseDir: resolve(root), maxConcurrentProcesses: 1 });
}

/** The repository-relative, slash-separated form of `file`; refuses anything outside COMMITTABLE. */
export function committablePath(root: string, file: string): string {
  const rel = relative(resolve(root), resolve(root, file)).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) {
    throw new GitRefusal(`refusing to commit ${file}: it is outside the repository ${root}`);
  }
  if (!COMMITTABLE.some((p) => rel.startsWith(p))) {
    throw new GitRefusal(`refusing to commit ${rel}: opsctl commits only under ${COMMITTABLE.join(', ')}`);
  }
  return rel;
}

/** HEAD's full hash, or undefined when `root` is not a repository or has no commit yet. */
export async function headRevision(root: string): Promise<string | undefined> {
  try {
    return (await git(root).raw(['rev-parse', '--verify', '--quiet', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True when `root` is inside a git working tree. */
export async function isRepository(root: string): Promise<boolean> {
  try {
    return (await git(root).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * Stages `files` and commits exactly them (other staged changes are left staged, not committed)
 * with `message` (subject, blank line, optional body) and `trailers` appended. Returns the hash.
 */
export async function commitFiles(root: string, files: readonly string[], message: string, trailers: TrailerInput): Promise<string> {
  if (files.length === 0) throw new GitRefusal('refusing to commit: no files given');
  const paths = [...new Set(files.map((f) => committablePath(root, f)))];
  const [subject = '', ...rest] = message.trim().split('\n');
  const text = composeMessage(subject, rest.join('\n'), trailers);
  const g = git(root);
  await g.raw(['add', '--', ...paths]);
  const staged = (await g.raw(['diff', '--cached', '--name-only', '--', ...paths])).trim();
  if (staged === '') throw new GitRefusal(`refusing to commit: ${paths.join(', ')} have no changes`);
  await g.raw(['commit', '--quiet', '--cleanup=whitespace', '-m', text, '--', ...paths]);
  return (await g.raw(['rev-parse', 'HEAD'])).trim();
}

/** True when none of `paths` has staged, unstaged or untracked changes. */
export async function isClean(root: string, paths: readonly string[]): Promise<boolean> {
  const out = await git(root).raw(['status', '--porcelain', '--untracked-files=all', '--', ...(paths.length > 0 ? paths : ['.'])]);
  return out.trim() === '';
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = ['%H', '%an', '%ae', '%aI', '%cI', '%s', '%(trailers:only,unfold)'].join('%x1f') + '%x1e';

function parseLog(out: string): CommitInfo[] {
  return out
    .split(RECORD)
    .map((r) => r.replace(/^\n+/, ''))
    .filter((r) => r.trim() !== '')
    .map((r) => {
      const [hash = '', name = '', email = '', date = '', committedAt = '', subject = '', trailers = ''] = r.split(FIELD);
      return { hash, author: { name, email }, date, committedAt, subject, trailers: parseTrailers(trailers) };
    });
}

/** Commits (newest first) with their parsed trailers; an empty repository has none. */
export async function logWithTrailers(root: string, query: LogQuery = {}): Promise<CommitInfo[]> {
  if (!(await headRevision(root))) return [];
  const args = ['log', `--format=${FORMAT}`];
  if (query.since) args.push(`--since=${query.since}`);
  if (query.grep) args.push('--fixed-strings', `--grep=${query.grep}`);
  args.push(query.rev ?? 'HEAD', '--', ...(query.paths ?? []));
  const commits = parseLog(await git(root).raw(args));
  const t = query.trailer;
  if (!t) return commits;
  return commits.filter((c) => (c.trailers[t.key] ?? []).some((v) => t.value === undefined || v === t.value));
}

/** A file's text as committed in `rev`, or undefined when it is not there. */
export async function showFile(root: string, rev: string, path: string): Promise<string | undefined> {
  try {
    return await git(root).raw(['show', `${rev}:${path}`]);
  } catch {
    return undefined;
  }
}

/** Paths a commit changed (relative to the root). */
export async function changedFiles(root: string, rev: string): Promise<string[]> {
  const out = await git(root).raw(['show', '--no-renames', '--name-only', '--format=', rev]);
  return out.split('\n').filter((l) => l.trim() !== '');
}
