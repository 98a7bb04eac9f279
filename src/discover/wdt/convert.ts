/**
 * A parsed WDT model → one WeblogicDomain document plus the lists of what was not mapped, what
 * stands in for missing values, and the tokens met. Reads nothing; the environment comes in.
 */
import type { Application, WeblogicDomain } from '../../model/index.js';
import { validateDoc } from '../../load/index.js';
import { mapDeployments, type Homes } from './apps.js';
import { isMap, leftover, newCtx, placeholder, text, unmapped, type Ctx, type Json } from './context.js';
import { mapDataSources } from './jdbc.js';
import { mapLogRotation } from './log.js';
import { mapWorkManagers } from './selftuning.js';
import { mapTopology } from './topology.js';
import { resolveTree, secretReference } from './tokens.js';
import type { ImportOptions, ImportResult, WlsVersion } from './types.js';

export const APPLICATIONS: readonly Application[] = ['hall', 'core', 'bridge', 'receive', 'query'];
const SECTIONS = ['domainInfo', 'topology', 'resources', 'appDeployments'];

/** The import cannot start (no application given and none to infer). */
export class WdtImportError extends Error {
  override readonly name = 'WdtImportError';
}

/** DESIGN §1: hall and query run 12.2.1.4 (REST), core, bridge and receive 10.3.6 (WLST). */
export function defaultVersion(application: Application): WlsVersion {
  return application === 'hall' || application === 'query' ? '12.2.1.4' : '10.3.6';
}

function section(model: Json, key: string): Json {
  const v = model[key];
  return isMap(v) ? v : {};
}

function homes(ctx: Ctx, existing: WeblogicDomain | undefined): Homes {
  if (existing) return { domainHome: existing.admin.domainHome, middlewareHome: existing.admin.middlewareHome };
  const out = { domainHome: `/weblogic/domains/${ctx.domain}_domain`, middlewareHome: '/weblogic/Oracle/Middleware' };
  placeholder(ctx, 'admin.domainHome', out.domainHome, 'a WDT model has no domain home; the estate convention');
  placeholder(ctx, 'admin.middlewareHome', out.middlewareHome, 'a WDT model has no Oracle home; the estate convention');
  return out;
}

function adminCredentials(ctx: Ctx, info: Json, existing: WeblogicDomain | undefined): { user: string; credential: string } {
  let user = text(info['AdminUserName']);
  if (!user) {
    user = existing?.admin.user ?? 'weblogic';
    placeholder(ctx, 'admin.user', user, 'no domainInfo/AdminUserName in the model');
  }
  let credential = secretReference(ctx, info['AdminPassword'], 'domainInfo:/AdminPassword');
  if (!credential) {
    credential = existing?.admin.credential ?? `store:${ctx.env}/weblogic/${ctx.domain}/admin`;
    placeholder(ctx, 'admin.credential', credential, 'reference needed: the model gave no @@SECRET@@/@@ENV@@/@@FILE@@ for AdminPassword');
  }
  return { user, credential };
}

function pickApplication(options: ImportOptions, existing: WeblogicDomain | undefined): Application {
  const app = options.application ?? existing?.application ?? APPLICATIONS.find((a) => a === options.domain);
  if (!app) throw new WdtImportError(`cannot tell which application domain ${options.domain} serves: pass --application (${APPLICATIONS.join('|')})`);
  return app;
}

function resolveSections(ctx: Ctx, model: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(model)) {
    if (SECTIONS.includes(key)) out[key] = resolveTree(ctx, value, `${key}:`);
    else unmapped(ctx, `${key}:`, key === 'kubernetes' ? 'the WKO kubernetes section has no place in desired state' : 'not a WDT model section');
  }
  return out;
}

/** Maps a parsed WDT model to a WeblogicDomain document of `options.env`. */
export function importWdt(model: Json, options: ImportOptions): ImportResult {
  const ctx = newCtx(options);
  const existing = options.estate?.domains.find((d) => d.name === options.domain);
  const application = pickApplication(options, existing);
  const version = options.version ?? existing?.version ?? defaultVersion(application);
  const resolved = resolveSections(ctx, model);
  const info = section(resolved, 'domainInfo');
  const resources = section(resolved, 'resources');
  const topo = mapTopology(ctx, section(resolved, 'topology'), existing);
  const names = { adminServer: topo.adminServer, clusters: new Set(topo.clusters.map((c) => String(c['name']))), servers: new Set(topo.servers.map((s) => String(s['name']))) };
  const creds = adminCredentials(ctx, info, existing);
  const h = homes(ctx, existing);
  const dataSources = mapDataSources(ctx, resources['JDBCSystemResource'], 'resources:/JDBCSystemResource', names);
  const workManagers = mapWorkManagers(ctx, resources['SelfTuning'], names);
  const deployments = mapDeployments(ctx, resolved['appDeployments'], h, info, names);
  const logRotation = mapLogRotation(ctx, topo.logs);
  leftover(ctx, info, ['AdminUserName', 'AdminPassword'], 'domainInfo:', 'domainInfo');
  leftover(ctx, resources, ['JDBCSystemResource', 'SelfTuning'], 'resources:', 'resources');
  const nonEmpty = (list: Json[]): Json[] | undefined => (list.length > 0 ? list : undefined);
  const document: Json = Object.fromEntries(
    Object.entries({
      apiVersion: 'opsctl/v1',
      kind: 'WeblogicDomain',
      name: options.domain,
      application,
      title: existing?.title,
      version,
      management: version === '12.2.1.4' ? 'rest' : 'wlst',
      admin: { serverName: topo.adminServer, host: topo.adminHost, port: topo.adminPort, user: creds.user, credential: creds.credential, ...h },
      clusters: nonEmpty(topo.clusters),
      machines: nonEmpty(topo.machines),
      servers: topo.servers,
      dataSources: nonEmpty(dataSources),
      workManagers: nonEmpty(workManagers),
      deployments: nonEmpty(deployments),
      logRotation,
      description: `Imported from the WDT model ${options.source ?? '(unnamed)'} by opsctl import wdt; review the placeholders and the unmapped list.`,
    }).filter(([, v]) => v !== undefined),
  );
  const diagnostics = validateDoc('WeblogicDomain', document, new Map());
  return { document, valid: diagnostics.length === 0, diagnostics, unmapped: ctx.unmapped, placeholders: ctx.placeholders, tokens: ctx.tokens };
}
