/**
 * planEnvironment: read the live estate (read.ts) and hand desired, live and the providers'
 * rules to core.buildPlan, with createdAt from the injected clock and the repository's git
 * revision. Returns the plan and the reads it was built from (drift and discover use both).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlan, type Plan } from '../core/index.js';
import type { Diagnostic } from '../diag/index.js';
import { noEmit } from './events.js';
import { readEnvironment, type EnvironmentRead, type ReadOptions } from './read.js';

export interface PlanOptions extends ReadOptions {
  release?: string;
  /** Git revision to record; default: the repository's HEAD commit, when there is one. */
  revision?: string;
  /** Diagnostics from outside the reads to carry into the plan (e.g. a system with no provider). */
  diagnostics?: readonly Diagnostic[];
}

export interface PlannedEnvironment {
  plan: Plan;
  read: EnvironmentRead;
}

export async function planEnvironment(opts: PlanOptions): Promise<PlannedEnvironment> {
  const emit = opts.emit ?? noEmit;
  const read = await readEnvironment(opts);
  const revision = opts.revision ?? gitRevision(opts.ctx.root);
  const plan = buildPlan({
    env: read.env,
    createdAt: opts.ctx.now().toISOString(),
    ...(revision ? { revision } : {}),
    ...(opts.release ? { release: opts.release } : {}),
    desired: read.desired,
    live: read.live,
    rules: read.rules,
    pruneWithin: read.pruneWithin,
    ...(opts.only?.length ? { only: opts.only } : {}),
    diagnostics: [...(opts.diagnostics ?? []), ...read.diagnostics],
  });
  emit({
    kind: 'plan-built',
    env: plan.env,
    summary: plan.summary,
    complete: plan.complete,
    errored: plan.errored,
    changes: plan.changes.filter((c) => c.action !== 'noop').length,
  });
  return { plan, read };
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * The HEAD commit of the git repository at `root` (or above it), read from .git directly:
 * HEAD → a sha, or a ref resolved through the loose ref file or packed-refs. Undefined when
 * there is no repository or no commit yet. (simple-git is reserved for src/git/.)
 */
export function gitRevision(root: string): string | undefined {
  const gitDir = findGitDir(root);
  if (!gitDir) return undefined;
  try {
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (SHA.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    const common = commonDir(gitDir);
    for (const dir of [gitDir, common]) {
      const loose = join(dir, ref);
      if (existsSync(loose)) {
        const sha = readFileSync(loose, 'utf8').trim();
        if (SHA.test(sha)) return sha;
      }
    }
    return packedRef(common, ref);
  } catch {
    return undefined;
  }
}

function findGitDir(start: string): string | undefined {
  let dir = start;
  for (;;) {
    const candidate = join(dir, '.git');
    if (existsSync(candidate)) {
      if (statSync(candidate).isDirectory()) return candidate;
      // A worktree or submodule: ".git" is a file "gitdir: PATH".
      const pointed = /^gitdir: (.+)$/m.exec(readFileSync(candidate, 'utf8'))?.[1]?.trim();
      return pointed ? (pointed.startsWith('/') ? pointed : join(dir, pointed)) : undefined;
    }
    const parent = join(dir, '..');
    if (parent === dir || join(parent) === join(dir)) return undefined;
    dir = parent;
  }
}

function commonDir(gitDir: string): string {
  const file = join(gitDir, 'commondir');
  if (!existsSync(file)) return gitDir;
  const rel = readFileSync(file, 'utf8').trim();
  return rel.startsWith('/') ? rel : join(gitDir, rel);
}

function packedRef(gitDir: string, ref: string): string | undefined {
  const file = join(gitDir, 'packed-refs');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return undefined;
}
