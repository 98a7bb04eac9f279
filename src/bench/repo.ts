/**
 * Temporary opsctl repositories for the benchmarks: a copy of the repository's data folders (never
 * the checkout itself: inspect writes reports/, the lab writes .lab/), optionally with a generated
 * lab inventory of N hosts, and the `lab reset` / `lab latency` / `lab serve` helpers around it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labHostKey } from '../lab/hostkeys.js';
import { background, timed, type Background } from './proc.js';
import type { BenchContext } from './types.js';

const DATA = ['inventory', 'desired-state', 'playbooks', 'releases', 'templates', 'package.json'];

export interface TempRepo {
  root: string;
  remove(): void;
}

/** A copy of the data folders (default: all of them) in a new temp directory. */
export function tempRepo(ctx: BenchContext, label: string, data: readonly string[] = DATA): TempRepo {
  const root = mkdtempSync(join(tmpdir(), `opsctl-bench-${label}-`));
  for (const d of data) if (existsSync(join(ctx.root, d))) cpSync(join(ctx.root, d), join(root, d), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The 26 application-server blocks of inventory/lab/hosts.yaml, in file order. */
function hostBlocks(text: string): { head: string; blocks: string[]; tail: string } {
  const start = text.indexOf('\nhosts:\n') + '\nhosts:\n'.length;
  const end = text.indexOf('\ngroups:\n');
  const body = text.slice(start, end + 1);
  const blocks = body.split(/(?=^ {2}- name: )/m).filter((b) => b.startsWith('  - name: '));
  return { head: text.slice(0, start), blocks, tail: text.slice(end + 1) };
}

const nameOf = (block: string): string => /^ {2}- name: (\S+)/.exec(block)?.[1] ?? '';

/**
 * Rewrites inventory/lab/hosts.yaml to `total` hosts: the lab's 39 (26 application + 13 database)
 * plus copies of its application servers (same roles, OS, profiles), named PREFIX-NNN with their
 * own pinned lab host keys. Domains and databases stay as they are (fixed, not proportionate).
 */
export function growLabInventory(root: string, total: number): { hosts: number; added: number } {
  const file = join(root, 'inventory', 'lab', 'hosts.yaml');
  const { head, blocks, tail } = hostBlocks(readFileSync(file, 'utf8'));
  const apps = blocks.filter((b) => !/roles: \[oracle\]/.test(b));
  const out = [...blocks];
  const counters = new Map<string, number>();
  for (let i = 0; out.length < total && i < total; i++) {
    const src = apps[i % apps.length]!;
    const prefix = nameOf(src).replace(/-\d+$/, '');
    const n = (counters.get(prefix) ?? 100) + 1;
    counters.set(prefix, n);
    const name = `${prefix}-${n}`;
    out.push(src
      .replace(/^ {2}- name: \S+/, `  - name: ${name}`)
      .replace(/hostKey: "[^"]*"/, `hostKey: "${labHostKey(name).fingerprint}"`)
      .replace(/description: .*/, `description: bench copy of ${nameOf(src)}`));
  }
  writeFileSync(file, head + out.join('') + tail);
  return { hosts: out.length, added: out.length - blocks.length };
}

export async function opsctl(ctx: BenchContext, root: string, args: readonly string[], timeoutMs: number, rss = false): ReturnType<typeof timed> {
  return timed(process.execPath, [ctx.cli, '--repo', root, ...args], { cwd: root, timeoutMs, rss });
}

async function must(ctx: BenchContext, root: string, args: readonly string[], timeoutMs: number): Promise<void> {
  const r = await opsctl(ctx, root, args, timeoutMs);
  if (r.code !== 0) throw new Error(`opsctl ${args.join(' ')} failed (${r.code}): ${(r.stderr || r.stdout).slice(-1500)}`);
}

/** `lab reset`, `lab latency SPEC`, then `lab serve` as its own process (so figures are opsctl's). */
export async function serveLab(ctx: BenchContext, root: string, latency: string, timeoutMs = 120_000): Promise<Background> {
  await must(ctx, root, ['lab', 'reset'], timeoutMs);
  await must(ctx, root, ['lab', 'latency', latency], 30_000);
  const endpoints = join(root, '.lab', 'endpoints.json');
  return background(process.execPath, [ctx.cli, '--repo', root, 'lab', 'serve'], { cwd: root, timeoutMs, ready: () => existsSync(endpoints) });
}
