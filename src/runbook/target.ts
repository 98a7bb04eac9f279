/**
 * Resolving `--target` of a runbook against the environment model (pure): a WebLogic server,
 * a database, a tablespace, a 批扣 batch, a host or a database user — with the hosts each
 * lives on, so a dry run can say where every step would act.
 */
import type { EnvironmentModel, Runbook } from '../model/index.js';

export type TargetKind = NonNullable<Runbook['target']>['kind'];

export interface ResolvedTarget {
  kind: TargetKind;
  text: string;
  domain?: string;
  server?: string;
  database?: string;
  tablespace?: string;
  batch?: string;
  user?: string;
  /** Inventory hosts the target lives on (server host; instance hosts; the host). */
  hosts: string[];
}

export class RunbookError extends Error {
  override readonly name = 'RunbookError';
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.$#-]*$/;

function split(text: string): [string, string | undefined] {
  const [a, b, ...rest] = text.split('/');
  if (!a || rest.length > 0 || !NAME.test(a) || (b !== undefined && !NAME.test(b))) throw new RunbookError(`not a target: ${JSON.stringify(text)}`);
  return [a, b];
}

function server(model: EnvironmentModel, text: string): ResolvedTarget {
  const [a, b] = split(text);
  const hits = model.domains.flatMap((d) => d.servers.filter((s) => (b ? d.name === a && s.name === b : s.name === a)).map((s) => ({ d, s })));
  if (hits.length !== 1) throw new RunbookError(hits.length ? `server ${text} is ambiguous: name it domain/server` : `no WebLogic server ${text} in ${model.environment.name}`);
  const { d, s } = hits[0]!;
  return { kind: 'server', text: `${d.name}/${s.name}`, domain: d.name, server: s.name, hosts: [s.host] };
}

function database(model: EnvironmentModel, name: string): { name: string; hosts: string[] } {
  const db = model.databases.find((x) => x.name === name);
  if (!db) throw new RunbookError(`no database ${name} in ${model.environment.name} (known: ${model.databases.map((x) => x.name).join(', ')})`);
  return { name: db.name, hosts: db.instances.map((i) => i.host) };
}

export function resolveTarget(model: EnvironmentModel, runbook: Runbook, given?: string): ResolvedTarget {
  const kind = runbook.target?.kind;
  const text = given ?? runbook.target?.default;
  if (!kind) throw new RunbookError(`runbook ${runbook.name} declares no target kind`);
  if (kind === 'host') {
    if (!text) return { kind, text: '*', hosts: model.hosts.map((h) => h.name) };
    if (!model.hosts.some((h) => h.name === text)) throw new RunbookError(`no host ${text} in ${model.environment.name}`);
    return { kind, text, hosts: [text] };
  }
  if (!text) throw new RunbookError(`runbook ${runbook.name} needs --target (${kind})`);
  if (kind === 'server') return server(model, text);
  const [a, b] = split(text);
  const db = database(model, a);
  if (kind === 'database') return { kind, text: db.name, database: db.name, hosts: db.hosts };
  if (kind === 'batch') return { kind, text, database: db.name, ...(b ? { batch: b } : {}), hosts: db.hosts.slice(0, 1) };
  if (!b || !/^[A-Z][A-Z0-9_$#]*$/.test(b)) throw new RunbookError(`--target must be database/${kind === 'tablespace' ? 'TABLESPACE' : 'USER'} (upper case), got ${text}`);
  return kind === 'tablespace' ? { kind, text, database: db.name, tablespace: b, hosts: db.hosts } : { kind, text, database: db.name, user: b, hosts: db.hosts };
}
