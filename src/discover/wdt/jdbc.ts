/**
 * resources:/JDBCSystemResource → dataSources: JNDI name, the OracleDatabase the URL points to,
 * user, credential reference, pool sizes and tests, targets. Passwords are never copied.
 */
import { bool, child, compact, instances, integer, isMap, leftover, placeholder, text, unmapped, type Ctx, type Json } from './context.js';
import { matchDatabase, parseOracleUrl, type OracleUrl } from './jdbc-url.js';
import { mapTargets, type DomainNames } from './targets.js';
import { secretReference } from './tokens.js';

const POOL: Record<string, string> = {
  InitialCapacity: 'initialCapacity',
  MinCapacity: 'minCapacity',
  MaxCapacity: 'maxCapacity',
  StatementCacheSize: 'statementCacheSize',
  InactiveConnectionTimeoutSeconds: 'inactiveConnectionTimeoutSeconds',
};

function sub(obj: Json, key: string): Json {
  const v = obj[key];
  return isMap(v) ? v : {};
}

function database(ctx: Ctx, url: OracleUrl | undefined, raw: string | undefined, path: string, field: string, name: string): { database: string; service?: string } {
  if (url?.hadCredentials) unmapped(ctx, `${path}/URL`, 'secret dropped, reference needed (credentials in the URL are never copied)');
  const found = url ? matchDatabase(ctx.estate, url) : undefined;
  if (found) {
    const differs = url?.service && url.service.toLowerCase() !== found.database.service.toLowerCase();
    return { database: found.database.name, ...(differs ? { service: url.service } : {}) };
  }
  const value = `unmapped-db-${name}`.slice(0, 64);
  const where = ctx.estate ? `no OracleDatabase of environment ${ctx.env} matches` : `environment ${ctx.env} not loaded, so nothing to match`;
  const shown = raw ? raw.replace(/^(jdbc:oracle:[A-Za-z0-9]+:)[^@]*@/i, '$1@') : '(none)';
  placeholder(ctx, `${field}.database`, value, `${where} URL ${shown}${url?.alias ? ' (TNS alias)' : ''}`);
  return { database: value, ...(url?.service ? { service: url.service } : {}) };
}

function driver(ctx: Ctx, params: Json, path: string, field: string, name: string): Json {
  const raw = text(params['URL']);
  const url = raw ? parseOracleUrl(raw) : undefined;
  if (raw && !url) unmapped(ctx, `${path}/URL`, 'not an Oracle thin JDBC URL');
  const db = database(ctx, url, raw, path, field, name);
  const props = sub(params, 'Properties');
  let user = text(sub(props, 'user')['Value']);
  if (!user) {
    user = 'UNMAPPED_USER';
    placeholder(ctx, `${field}.user`, user, 'no Properties/user/Value in the model');
  }
  leftover(ctx, props, ['user'], `${path}/Properties`, 'JDBC driver property');
  let credential = secretReference(ctx, params['PasswordEncrypted'], `${path}/PasswordEncrypted`);
  if (!credential) {
    credential = `store:${ctx.env}/oracle/${db.database}/${user}`;
    placeholder(ctx, `${field}.credential`, credential, 'reference needed: the model gave no @@SECRET@@/@@ENV@@/@@FILE@@ for the password');
  }
  leftover(ctx, params, ['URL', 'Properties', 'PasswordEncrypted'], path, 'JDBCDriverParams');
  return { ...db, user, credential };
}

function pool(ctx: Ctx, params: Json, path: string, field: string): Json {
  const out: Json = {};
  for (const [wdt, ours] of Object.entries(POOL)) out[ours] = integer(params[wdt]);
  if (out['initialCapacity'] === undefined) {
    out['initialCapacity'] = 1;
    placeholder(ctx, `${field}.initialCapacity`, 1, "InitialCapacity not set; WebLogic's default 1");
  }
  if (out['maxCapacity'] === undefined) {
    out['maxCapacity'] = 15;
    placeholder(ctx, `${field}.maxCapacity`, 15, "MaxCapacity not set; WebLogic's default 15");
  }
  out['testQuery'] = text(params['TestTableName']);
  out['testConnectionsOnReserve'] = bool(params['TestConnectionsOnReserve']);
  leftover(ctx, params, [...Object.keys(POOL), 'TestTableName', 'TestConnectionsOnReserve'], path, 'JDBCConnectionPoolParams');
  return out;
}

function dataSource(ctx: Ctx, name: string, res: Json, path: string, field: string, names: DomainNames): Json {
  const jdbc = sub(res, 'JdbcResource');
  const jpath = child(path, 'JdbcResource');
  const dsParams = sub(jdbc, 'JDBCDataSourceParams');
  const jndi = (Array.isArray(dsParams['JNDIName']) ? dsParams['JNDIName'].map(String) : (text(dsParams['JNDIName']) ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
  if (jndi.length > 1) unmapped(ctx, `${jpath}/JDBCDataSourceParams/JNDIName`, `only the first JNDI name is modeled; not kept: ${jndi.slice(1).join(', ')}`);
  if (jndi.length === 0) placeholder(ctx, `${field}.jndiName`, `jdbc/${name}`, 'no JNDIName in the model');
  leftover(ctx, dsParams, ['JNDIName'], `${jpath}/JDBCDataSourceParams`, 'JDBCDataSourceParams');
  const drv = driver(ctx, sub(jdbc, 'JDBCDriverParams'), `${jpath}/JDBCDriverParams`, field, name);
  const pl = pool(ctx, sub(jdbc, 'JDBCConnectionPoolParams'), `${jpath}/JDBCConnectionPoolParams`, field);
  const generic = jdbc['DatasourceType'] === undefined || text(jdbc['DatasourceType'])?.toUpperCase() === 'GENERIC';
  const used = ['JDBCDataSourceParams', 'JDBCDriverParams', 'JDBCConnectionPoolParams', ...(generic ? ['DatasourceType'] : [])];
  leftover(ctx, jdbc, used, jpath, 'JdbcResource');
  leftover(ctx, res, ['JdbcResource', 'Target'], path, 'JDBCSystemResource');
  const targets = mapTargets(ctx, res['Target'], path, names);
  if (targets.length === 0) unmapped(ctx, `${path}/Target`, 'the data source has no target; opsctl needs at least one');
  const { database: db, service, user, credential } = drv;
  return compact({ name, jndiName: jndi[0] ?? `jdbc/${name}`, database: db, service, user, credential, ...pl, targets });
}

export function mapDataSources(ctx: Ctx, folder: unknown, path: string, names: DomainNames): Json[] {
  return instances(ctx, folder, path).map(([name, res], i) => dataSource(ctx, name, res, child(path, name), `dataSources[${i}]`, names));
}
