/**
 * Oracle thin JDBC URLs and where they point: `jdbc:oracle:thin:@//host:port/service`,
 * `@host:port:SID`, `@host:port/service`, TNS descriptors `@(DESCRIPTION=…)` and TNS aliases;
 * then the OracleDatabase of the environment they name (by service, SID, or host and port).
 */
import type { EnvironmentModel, OracleDatabase } from '../../model/index.js';

export interface OracleUrl {
  addresses: { host: string; port: number }[];
  service?: string;
  sid?: string;
  /** `@alias` resolved through tnsnames.ora, which the model does not carry. */
  alias?: string;
  /** `thin:user/password@…`: credentials in the URL (dropped, never copied). */
  hadCredentials: boolean;
}

function descriptor(body: string): Omit<OracleUrl, 'hadCredentials'> {
  const addresses: OracleUrl['addresses'] = [];
  for (const m of body.matchAll(/\(\s*ADDRESS\s*=(.*?)\)\s*\)/gi)) {
    const host = /HOST\s*=\s*([^)\s]+)/i.exec(m[1]!)?.[1];
    const port = /PORT\s*=\s*([0-9]+)/i.exec(m[1]!)?.[1];
    if (host) addresses.push({ host, port: port ? Number(port) : 1521 });
  }
  const service = /SERVICE_NAME\s*=\s*([^)\s]+)/i.exec(body)?.[1];
  const sid = /[(\s]SID\s*=\s*([^)\s]+)/i.exec(body)?.[1];
  return { addresses, ...(service ? { service } : {}), ...(sid ? { sid } : {}) };
}

/** Undefined when the URL is not an Oracle thin URL. */
export function parseOracleUrl(url: string): OracleUrl | undefined {
  const m = /^jdbc:oracle:(?:thin|oci8?):(.*)$/i.exec(url.trim());
  if (!m) return undefined;
  let rest = m[1]!;
  const at = rest.indexOf('@');
  if (at < 0) return undefined;
  const hadCredentials = rest.slice(0, at).trim() !== '';
  rest = rest.slice(at + 1).trim();
  if (rest.startsWith('(')) return { ...descriptor(rest), hadCredentials };
  const ez = /^(?:\/\/)?([^:/\s]+)(?::([0-9]+))?(?:\/([^:/\s]+)(?:[:/].*)?|:([A-Za-z0-9_$#]+))?$/.exec(rest);
  if (!ez) return { addresses: [], hadCredentials };
  const [, host, port, service, sid] = ez;
  if (!port && !service && !sid && !rest.startsWith('//')) return { addresses: [], alias: rest, hadCredentials };
  return {
    addresses: [{ host: host!, port: port ? Number(port) : 1521 }],
    ...(service ? { service } : {}),
    ...(sid ? { sid } : {}),
    hadCredentials,
  };
}

export interface DatabaseMatch {
  database: OracleDatabase;
  /** How it matched, for the report. */
  by: 'service' | 'sid' | 'host and port';
}

const same = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Primaries first, so a service shared with a standby names the primary. */
function ordered(estate: EnvironmentModel): OracleDatabase[] {
  return [...estate.databases].sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
}

function hostMatches(estate: EnvironmentModel, db: OracleDatabase, url: OracleUrl): boolean {
  return db.instances.some((inst) => {
    const host = estate.hosts.find((h) => h.name === inst.host);
    return url.addresses.some((a) => a.port === db.listenerPort && (same(a.host, inst.host) || same(a.host, host?.address)));
  });
}

export function matchDatabase(estate: EnvironmentModel | undefined, url: OracleUrl): DatabaseMatch | undefined {
  if (!estate) return undefined;
  const dbs = ordered(estate);
  const service = url.service?.split('.')[0];
  const byService = dbs.find((d) => same(d.service, url.service) || same(d.service, service) || same(d.dbName, service));
  if (byService) return { database: byService, by: 'service' };
  const bySid = dbs.find((d) => same(d.dbName, url.sid) || d.instances.some((i) => same(i.sid, url.sid)));
  if (bySid) return { database: bySid, by: 'sid' };
  const byHost = dbs.find((d) => hostMatches(estate, d, url));
  return byHost ? { database: byHost, by: 'host and port' } : undefined;
}
