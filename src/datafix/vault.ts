/**
 * Where before-images live: OUTSIDE git — `$OPSCTL_DATAFIX_VAULT`, else `<repo>/.opsctl/datafix`
 * (git-ignored) — as `<env>/<fix>/<stamp>/<SCHEMA>.<TABLE>.csv`, one per changed table (0600,
 * folders 0700), with `meta.json` (per table: key, file, sha256, rows, the keys the fix inserts;
 * the digest of them all). Only the sha256s reach the audit record in git.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFixError } from './change.js';
import { imageCsv, imagesDigest, parseImageCsv, sha256, type TableImage } from './image.js';
import type { OracleRow } from '../transport/oracle.js';

export interface VaultTable {
  table: string;
  sha256: string;
  rows: number;
  inserted: number;
}

export interface VaultEntry {
  dir: string;
  stamp: string;
  /** imagesDigest of the tables. */
  sha256: string;
  rows: number;
  tables: VaultTable[];
}

interface MetaTable extends VaultTable {
  key: string[];
  file: string;
  insertedKeys: OracleRow[];
}

interface Meta {
  sha256: string;
  rows: number;
  tables: MetaTable[];
}

export function vaultRoot(root: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(env.OPSCTL_DATAFIX_VAULT || join(root, '.opsctl', 'datafix'));
}

const summary = (t: MetaTable): VaultTable => ({ table: t.table, sha256: t.sha256, rows: t.rows, inserted: t.inserted });

export function writeImage(vault: string, envName: string, fix: string, stamp: string, images: readonly TableImage[], meta: Record<string, unknown>): VaultEntry {
  const dir = join(vault, envName, fix, stamp);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const tables = images.map((image): MetaTable => {
    const csv = imageCsv(image);
    const file = `${image.table}.csv`;
    writeFileSync(join(dir, file), csv, { mode: 0o600 });
    return { table: image.table, key: image.key, file, sha256: sha256(csv), rows: image.rows.length, inserted: image.inserted.length, insertedKeys: image.inserted };
  });
  const m: Meta = { sha256: imagesDigest(tables), rows: tables.reduce((a, t) => a + t.rows, 0), tables };
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify({ ...meta, ...m }, null, 2)}\n`, { mode: 0o600 });
  return { dir, stamp, sha256: m.sha256, rows: m.rows, tables: tables.map(summary) };
}

/** The latest before-image of a fix (or the one taken at `stamp`), every table checked against its sha256. */
export function readImage(vault: string, envName: string, fix: string, stamp?: string): { entry: VaultEntry; images: TableImage[] } {
  const base = join(vault, envName, fix);
  const stamps = existsSync(base) ? readdirSync(base).filter((s) => existsSync(join(base, s, 'meta.json'))).sort() : [];
  const pick = stamp ?? stamps.at(-1);
  if (!pick || !stamps.includes(pick)) throw new DataFixError(`no before-image of ${fix} in ${envName} under ${base}${stamp ? ` taken at ${stamp}` : ''}: was it applied?`);
  const dir = join(base, pick);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  if (!Array.isArray(meta.tables)) throw new DataFixError(`${dir}/meta.json lists no tables: not a before-image of this opsctl version`);
  const images = meta.tables.map((t): TableImage => {
    const csv = readFileSync(join(dir, t.file), 'utf8');
    const sum = sha256(csv);
    if (sum !== t.sha256) throw new DataFixError(`the before-image ${dir}/${t.file} was altered: sha256 ${sum} ≠ ${t.sha256}`);
    return { table: t.table, key: t.key, inserted: t.insertedKeys, ...parseImageCsv(csv) };
  });
  const digest = imagesDigest(meta.tables);
  if (digest !== meta.sha256) throw new DataFixError(`the before-image ${dir}/meta.json was altered: digest ${digest} ≠ ${meta.sha256}`);
  return { entry: { dir, stamp: pick, sha256: digest, rows: meta.rows, tables: meta.tables.map(summary) }, images };
}
