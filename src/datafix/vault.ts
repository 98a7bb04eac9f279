/**
 * Where before-images live: OUTSIDE git — `$OPSCTL_DATAFIX_VAULT`, else `<repo>/.opsctl/datafix`
 * (git-ignored) — as `<env>/<fix>/<stamp>/before.csv` (0600, folders 0700) with `meta.json`
 * (table, key, sha256, rows). Only the sha256 reaches the audit record in git.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { imageCsv, parseImageCsv, sha256, type BeforeImage } from './image.js';
import { DataFixError } from './sql.js';

export interface VaultEntry {
  dir: string;
  stamp: string;
  sha256: string;
  rows: number;
}

export function vaultRoot(root: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(env.OPSCTL_DATAFIX_VAULT || join(root, '.opsctl', 'datafix'));
}

export function writeImage(vault: string, envName: string, fix: string, stamp: string, image: BeforeImage, meta: Record<string, unknown>): VaultEntry {
  const dir = join(vault, envName, fix, stamp);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const csv = imageCsv(image);
  const sum = sha256(csv);
  writeFileSync(join(dir, 'before.csv'), csv, { mode: 0o600 });
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify({ ...meta, sha256: sum, rows: image.rows.length }, null, 2)}\n`, { mode: 0o600 });
  return { dir, stamp, sha256: sum, rows: image.rows.length };
}

/** The latest before-image of a fix (or the one taken at `stamp`), checked against its sha256. */
export function readImage(vault: string, envName: string, fix: string, stamp?: string): { entry: VaultEntry; image: BeforeImage } {
  const base = join(vault, envName, fix);
  const stamps = existsSync(base) ? readdirSync(base).filter((s) => existsSync(join(base, s, 'before.csv'))).sort() : [];
  const pick = stamp ?? stamps.at(-1);
  if (!pick || !stamps.includes(pick)) throw new DataFixError(`no before-image of ${fix} in ${envName} under ${base}${stamp ? ` taken at ${stamp}` : ''}: was it applied?`);
  const dir = join(base, pick);
  const csv = readFileSync(join(dir, 'before.csv'), 'utf8');
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { sha256: string };
  const sum = sha256(csv);
  if (sum !== meta.sha256) throw new DataFixError(`the before-image ${dir}/before.csv was altered: sha256 ${sum} ≠ ${meta.sha256}`);
  const image = parseImageCsv(csv);
  return { entry: { dir, stamp: pick, sha256: sum, rows: image.rows.length }, image };
}
