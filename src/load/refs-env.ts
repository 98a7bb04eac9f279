/**
 * Reference checks inside one environment: every name a document uses (hosts, groups,
 * clusters, databases, templates, windows, calendars) must exist. Each problem is a diagnostic
 * at the referring node. Written defensively: documents may have failed their schema.
 */
import { error, type Diagnostic } from '../diag/index.js';
import type { Doc, EnvDocs, Layers } from './layers.js';
import { items } from './build.js';
import { isRecord, pointer, valuePos } from './paths.js';

export interface RefContext {
  layers: Layers;
  templates: Set<string>;
  out: Diagnostic[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function report(ctx: RefContext, doc: Doc, ptr: string, message: string): void {
  ctx.out.push(error('reference', message, valuePos(doc.pos, ptr)));
}

function names(docs: Doc[], kind: string): Set<string> {
  return new Set(docs.filter((d) => d.kind === kind).map((d) => d.name));
}

function checkEnvironment(ctx: RefContext, env: EnvDocs): void {
  const doc = env.environment;
  if (!doc) {
    const first = env.inventories[0];
    if (first) report(ctx, first, '/kind', `inventory/${env.name}/ has no Environment document`);
    return;
  }
  const v = doc.value;
  if (str(v['name']) !== undefined && v['name'] !== env.name) report(ctx, doc, '/name', `Environment "${String(v['name'])}" must be named after its folder inventory/${env.name}/`);
  const windows = str(v['windows']);
  if (windows && !names(ctx.layers.global, 'ChangeWindows').has(windows)) report(ctx, doc, '/windows', `environment ${env.name}: ChangeWindows "${windows}" does not exist`);
  const calendar = str(v['calendar']);
  if (calendar && !names(ctx.layers.global, 'Calendar').has(calendar)) report(ctx, doc, '/calendar', `environment ${env.name}: Calendar "${calendar}" does not exist`);
  const from = str(v['promotedFrom']);
  if (from && !ctx.layers.envs.get(from)?.environment) report(ctx, doc, '/promotedFrom', `environment ${env.name}: promotedFrom "${from}" is not an environment`);
  if (from === env.name) report(ctx, doc, '/promotedFrom', `environment ${env.name} cannot be promoted from itself`);
}

function checkInventories(ctx: RefContext, env: EnvDocs): Set<string> {
  const hosts = new Map<string, string>();
  const groups = new Set<string>();
  for (const inv of env.inventories) {
    const named = str(inv.value['environment']);
    if (named !== undefined && named !== env.name) report(ctx, inv, '/environment', `inventory in inventory/${env.name}/ says environment "${named}"; it must be "${env.name}"`);
    items(inv.value, 'hosts').forEach((h, i) => {
      const name = str(h['name']);
      if (!name) return;
      const at = pointer('/hosts', i);
      const first = hosts.get(name);
      if (first) report(ctx, inv, `${at}/name`, `host "${name}" is declared twice in environment ${env.name} (first at ${first})`);
      else {
        const p = valuePos(inv.pos, `${at}/name`);
        hosts.set(name, p ? `${p.file}:${p.line}` : '?');
      }
    });
    items(inv.value, 'groups').forEach((g) => groups.add(str(g['name']) ?? ''));
  }
  for (const inv of env.inventories) {
    items(inv.value, 'groups').forEach((g, i) => {
      const list = Array.isArray(g['hosts']) ? g['hosts'] : [];
      list.forEach((h, j) => {
        if (typeof h === 'string' && !hosts.has(h)) report(ctx, inv, `/groups/${i}/hosts/${j}`, `group ${String(g['name'])}: host "${h}" does not exist in environment ${env.name}`);
      });
    });
  }
  for (const g of groups) hosts.set(`group:${g}`, '');
  return new Set(hosts.keys());
}

function checkList(ctx: RefContext, doc: Doc, ptr: string, list: unknown, known: Set<string>, what: (n: string) => string): void {
  if (!Array.isArray(list)) return;
  list.forEach((n, i) => {
    if (typeof n === 'string' && !known.has(n)) report(ctx, doc, pointer(ptr, i), what(n));
  });
}

function checkProfile(ctx: RefContext, env: EnvDocs, doc: Doc, known: Set<string>): void {
  const applies = isRecord(doc.value['appliesTo']) ? doc.value['appliesTo'] : {};
  const groups = new Set([...known].filter((k) => k.startsWith('group:')).map((k) => k.slice(6)));
  checkList(ctx, doc, '/appliesTo/hosts', applies['hosts'], known, (n) => `host profile ${doc.name}: host "${n}" does not exist in environment ${env.name}`);
  checkList(ctx, doc, '/appliesTo/groups', applies['groups'], groups, (n) => `host profile ${doc.name}: group "${n}" does not exist in environment ${env.name}`);
  items(doc.value, 'files').forEach((f, i) => {
    const t = str(f['template']);
    if (t && !ctx.templates.has(t)) report(ctx, doc, `/files/${i}/template`, `host profile ${doc.name}: template "${t}" does not exist under templates/`);
  });
}

function checkHost(ctx: RefContext, env: EnvDocs, doc: Doc, ptr: string, host: unknown, known: Set<string>, who: string): void {
  if (typeof host === 'string' && !known.has(host)) report(ctx, doc, ptr, `${who}: host "${host}" is not in the inventory of environment ${env.name}`);
}

function checkDomain(ctx: RefContext, env: EnvDocs, doc: Doc, known: Set<string>): void {
  const v = doc.value;
  const d = `domain ${doc.name}`;
  if (isRecord(v['admin'])) checkHost(ctx, env, doc, '/admin/host', v['admin']['host'], known, `${d} admin server`);
  const clusters = new Set(items(v, 'clusters').map((c) => str(c['name']) ?? ''));
  const machines = new Set(items(v, 'machines').map((c) => str(c['name']) ?? ''));
  const servers = new Set(items(v, 'servers').map((c) => str(c['name']) ?? ''));
  const targets = new Set([...clusters, ...servers]);
  items(v, 'machines').forEach((m, i) => checkHost(ctx, env, doc, `/machines/${i}/host`, m['host'], known, `${d} machine ${String(m['name'])}`));
  items(v, 'servers').forEach((s, i) => {
    const who = `${d} server ${String(s['name'])}`;
    checkHost(ctx, env, doc, `/servers/${i}/host`, s['host'], known, who);
    const c = str(s['cluster']);
    if (c && !clusters.has(c)) report(ctx, doc, `/servers/${i}/cluster`, `${who}: cluster "${c}" does not exist in the domain`);
    const m = str(s['machine']);
    if (m && !machines.has(m)) report(ctx, doc, `/servers/${i}/machine`, `${who}: machine "${m}" does not exist in the domain`);
  });
  const databases = names(env.desired, 'OracleDatabase');
  items(v, 'dataSources').forEach((ds, i) => {
    const db = str(ds['database']);
    if (db && !databases.has(db)) report(ctx, doc, `/dataSources/${i}/database`, `data source ${String(ds['name'])}: database "${db}" does not exist in environment ${env.name}`);
  });
  for (const [list, what] of [['dataSources', 'data source'], ['workManagers', 'work manager'], ['deployments', 'deployment']] as const) {
    items(v, list).forEach((x, i) => {
      checkList(ctx, doc, `/${list}/${i}/targets`, x['targets'], targets, (n) => `${what} ${String(x['name'])}: target "${n}" is not a cluster or server of domain ${doc.name}`);
    });
  }
}

function checkDatabase(ctx: RefContext, env: EnvDocs, doc: Doc, known: Set<string>): void {
  items(doc.value, 'instances').forEach((inst, i) => checkHost(ctx, env, doc, `/instances/${i}/host`, inst['host'], known, `database ${doc.name} instance ${String(inst['sid'])}`));
  const standbyOf = str(doc.value['standbyOf']);
  if (standbyOf && !names(env.desired, 'OracleDatabase').has(standbyOf)) report(ctx, doc, '/standbyOf', `database ${doc.name}: standbyOf "${standbyOf}" does not exist in environment ${env.name}`);
}

/** All reference checks of one environment. */
export function checkEnvironmentRefs(ctx: RefContext, env: EnvDocs): void {
  checkEnvironment(ctx, env);
  const known = checkInventories(ctx, env);
  const databases = names(env.desired, 'OracleDatabase');
  for (const doc of env.desired) {
    if (doc.kind === 'HostProfile') checkProfile(ctx, env, doc, known);
    else if (doc.kind === 'WeblogicDomain') checkDomain(ctx, env, doc, known);
    else if (doc.kind === 'OracleDatabase') checkDatabase(ctx, env, doc, known);
    else if (doc.kind === 'ConfigTable') {
      const db = str(doc.value['database']);
      if (db && !databases.has(db)) report(ctx, doc, '/database', `config table ${doc.name}: database "${db}" does not exist in environment ${env.name}`);
    }
  }
}
