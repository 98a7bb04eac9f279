/**
 * Reference checks of the estate-wide kinds: releases (artifacts present, checksums right,
 * every referenced artifact declared, domains and databases known), data fixes (database
 * known, a postCheck where the default cannot apply, one key per table) and reconciliations
 * (databases known), calendars (twelve months, deadlines in range).
 */
import { join } from 'node:path';
import { error } from '../diag/index.js';
import type { Doc } from './layers.js';
import { items } from './build.js';
import { isRecord, valuePos } from './paths.js';
import { sha256OfFile } from './files.js';
import type { RefContext } from './refs-env.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function report(ctx: RefContext, doc: Doc, ptr: string, message: string): void {
  ctx.out.push(error('reference', message, valuePos(doc.pos, ptr)));
}

function anywhere(ctx: RefContext, kind: string): Set<string> {
  const all = new Set<string>();
  for (const env of ctx.layers.envs.values()) for (const d of env.desired) if (d.kind === kind) all.add(d.name);
  return all;
}

function checkArtifacts(ctx: RefContext, doc: Doc, root: string): Set<string> {
  const folder = ctx.layers.releaseFolders.get(doc) ?? '';
  if (str(doc.value['name']) && doc.value['name'] !== folder) report(ctx, doc, '/name', `release "${doc.name}" must be named after its folder releases/${folder}/`);
  const declared = new Set<string>();
  items(doc.value, 'artifacts').forEach((a, i) => {
    const name = str(a['name']);
    if (name) declared.add(name);
    const path = str(a['path']);
    if (!path || (a['location'] ?? 'repo') !== 'repo') return;
    const actualSha = sha256OfFile(join(root, 'releases', folder, path));
    if (actualSha === undefined) report(ctx, doc, `/artifacts/${i}/path`, `artifact ${String(name)}: releases/${folder}/${path} does not exist`);
    else if (str(a['sha256']) && actualSha !== a['sha256']) report(ctx, doc, `/artifacts/${i}/sha256`, `artifact ${String(name)}: sha256 of releases/${folder}/${path} is ${actualSha}, not the one written here`);
  });
  return declared;
}

function checkRelease(ctx: RefContext, doc: Doc, root: string): void {
  const v = doc.value;
  const declared = checkArtifacts(ctx, doc, root);
  const needArtifact = (ptr: string, name: unknown): void => {
    if (typeof name === 'string' && !declared.has(name)) report(ctx, doc, ptr, `release ${doc.name}: artifact "${name}" is not declared under artifacts`);
  };
  const domains = anywhere(ctx, 'WeblogicDomain');
  const databases = anywhere(ctx, 'OracleDatabase');
  const needIn = (ptr: string, name: unknown, set: Set<string>, what: string): void => {
    if (typeof name === 'string' && !set.has(name)) report(ctx, doc, ptr, `release ${doc.name}: ${what} "${name}" does not exist in any environment`);
  };
  const app = isRecord(v['application']) ? v['application'] : undefined;
  if (app) {
    needArtifact('/application/artifact', app['artifact']);
    needIn('/application/domain', app['domain'], domains, 'domain');
  }
  const wp = isRecord(v['weblogicPatch']) ? v['weblogicPatch'] : undefined;
  if (wp) {
    needArtifact('/weblogicPatch/artifact', wp['artifact']);
    if (Array.isArray(wp['domains'])) wp['domains'].forEach((d, i) => needIn(`/weblogicPatch/domains/${i}`, d, domains, 'domain'));
  }
  const op = isRecord(v['oraclePatch']) ? v['oraclePatch'] : undefined;
  if (op) {
    needArtifact('/oraclePatch/artifact', op['artifact']);
    if (Array.isArray(op['databases'])) op['databases'].forEach((d, i) => needIn(`/oraclePatch/databases/${i}`, d, databases, 'database'));
  }
  const sql = isRecord(v['sqlMigration']) ? v['sqlMigration'] : undefined;
  if (sql) {
    needIn('/sqlMigration/database', sql['database'], databases, 'database');
    items(sql, 'scripts').forEach((s, i) => {
      needArtifact(`/sqlMigration/scripts/${i}/artifact`, s['artifact']);
      needArtifact(`/sqlMigration/scripts/${i}/rollbackArtifact`, s['rollbackArtifact']);
    });
  }
}

const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function checkCalendar(ctx: RefContext, doc: Doc): void {
  const years = isRecord(doc.value['collectionDeadlines']) ? doc.value['collectionDeadlines'] : {};
  for (const [year, entry] of Object.entries(years)) {
    const deadlines = isRecord(entry) && isRecord(entry['deadlines']) ? entry['deadlines'] : undefined;
    if (!deadlines) continue;
    const ptr = `/collectionDeadlines/${year}/deadlines`;
    const missing = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).filter((m) => !(m in deadlines));
    if (missing.length > 0) report(ctx, doc, ptr, `calendar ${doc.name}: ${year} has no 征期 deadline for month ${missing.join(', ')} (all twelve are required)`);
    for (const [month, date] of Object.entries(deadlines)) {
      if (typeof date !== 'string') continue;
      const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
      if (!m) continue;
      const [, y, mm, dd] = m;
      const day = Number(dd);
      const inMonth = y === year && mm === month && day <= lastDay(Number(y), Number(mm));
      if (!inMonth) report(ctx, doc, `${ptr}/${month}`, `calendar ${doc.name}: deadline ${date} for ${year}-${month} is not a day of that month`);
      else if (day < 15) report(ctx, doc, `${ptr}/${month}`, `calendar ${doc.name}: deadline ${date} for ${year}-${month} is before the 15th (征期 runs at least to the 15th)`);
    }
  }
}

/** A data fix: its database exists; a postCheck when the default cannot apply; one key per table. */
function checkDataFix(ctx: RefContext, doc: Doc, databases: Set<string>): void {
  const db = str(doc.value['database']);
  if (db && !databases.has(db)) report(ctx, doc, '/database', `data fix ${doc.name}: database "${db}" does not exist in any environment`);
  const changes = items(doc.value, 'changes');
  const insert = changes.some((c) => /^\s*INSERT\b/i.test(str(c['sql']) ?? ''));
  if ((changes.length > 1 || insert) && !isRecord(doc.value['postCheck'])) {
    report(ctx, doc, '/changes', `data fix ${doc.name}: ${insert ? 'an INSERT needs' : `${changes.length} changes need`} an explicit postCheck (the default, pre-check minus expectRows, fits one UPDATE or DELETE only)`);
  }
  const keys = new Map<string, string>();
  changes.forEach((c, i) => {
    const t = isRecord(c['table']) ? c['table'] : {};
    const table = `${str(t['schema']) ?? ''}.${str(t['name']) ?? ''}`;
    const key = JSON.stringify(t['key'] ?? []);
    if (keys.has(table) && keys.get(table) !== key) report(ctx, doc, `/changes/${i}/table/key`, `data fix ${doc.name}: change ${i + 1} declares another key for ${table} than an earlier change`);
    else keys.set(table, key);
  });
}

/** All reference checks of the estate-wide documents. */
export function checkEstateRefs(ctx: RefContext, root: string): void {
  const databases = anywhere(ctx, 'OracleDatabase');
  for (const doc of ctx.layers.global) {
    if (doc.kind === 'Release') checkRelease(ctx, doc, root);
    else if (doc.kind === 'Calendar') checkCalendar(ctx, doc);
    else if (doc.kind === 'DataFix') checkDataFix(ctx, doc, databases);
    else if (doc.kind === 'ReconciliationPlaybook') {
      for (const side of ['left', 'right'] as const) {
        const s = isRecord(doc.value[side]) ? doc.value[side] : {};
        const db = str(s['database']);
        if (db && !databases.has(db)) report(ctx, doc, `/${side}/database`, `reconciliation ${doc.name}: database "${db}" does not exist in any environment`);
      }
    }
  }
}
