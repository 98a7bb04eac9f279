/**
 * Reading home patches: an address is placed (which home, which tool, which patch), the home's
 * inventory is read once per host and home (`opatch lsinventory` / `bsu.sh -view`), and every
 * address of that home reads `applied: true|false`. The read carries a disruption override: a
 * host whose servers are the only members of their cluster, the admin host, or a single-instance
 * database is an outage while it is patched; otherwise the cluster / RAC keeps serving (brief).
 */
import type { AttributeRule, LiveRead } from '../../core/index.js';
import { oracleHomeOf, weblogicHome } from '../../model/homes.js';
import { parseAddress, type Address } from '../../model/address.js';
import type { PatchArchive } from '../../model/index.js';
import { mapBounded } from '../../transport/index.js';
import type { ProviderContext } from '../context.js';
import { present, unknown } from '../oracle/common.js';
import { DB_HOME_PATCH_RULES, HOME_RULE } from './rules.js';
import { readInventory, type HomeRef } from './tools.js';
import { serversOnHost } from './weblogic-servers.js';

export interface HomePatch {
  address: Address;
  system: 'weblogic' | 'oracle';
  /** Domain or database the address names. */
  owner: string;
  id: string;
  ref: HomeRef;
  /** From the desired state (absent when the model no longer declares the patch, e.g. a rollback). */
  archive?: PatchArchive;
  replaces: string[];
  /** The step takes the only members of a group down (admin host, lone cluster member, single instance). */
  outage: boolean;
}

/** Places `E/weblogic:D/host:H/patch:ID` or `E/oracle:DB/host:H/patch:ID`; a string says why it cannot. */
export function locate(ctx: ProviderContext, address: string): HomePatch | string {
  const p = parseAddress(address);
  if ('error' in p || p.segments.length !== 3 || p.segments[1]!.kind !== 'host' || p.segments[2]!.kind !== 'patch') return `${address} is not a home patch address`;
  const [owner, host, id] = [p.segments[0]!.name, p.segments[1]!.name, p.segments[2]!.name];
  if (p.segments[0]!.kind === 'weblogic') {
    const d = ctx.model.domains.find((x) => x.name === owner);
    if (!d) return `domain ${owner} is not in environment ${ctx.env}`;
    const wh = weblogicHome(d);
    const patch = d.patches?.find((x) => x.id === id);
    const servers = serversOnHost(ctx.model.domains, host, wh.home);
    const lonely = servers.some((s) => {
      if (s.admin) return true;
      const cluster = s.domain.servers.find((x) => x.name === s.server)?.cluster;
      return !cluster || !s.domain.servers.some((o) => o.cluster === cluster && o.host !== host);
    });
    return { address: address as Address, system: 'weblogic', owner, id, ref: { host, home: wh.home, tool: wh.tool, wlHome: wh.wlHome }, ...(patch?.archive ? { archive: patch.archive } : {}), replaces: patch?.replaces ?? [], outage: lonely };
  }
  if (p.segments[0]!.kind === 'oracle') {
    const db = ctx.model.databases.find((x) => x.name === owner);
    if (!db) return `database ${owner} is not in environment ${ctx.env}`;
    if (!db.instances.some((i) => i.host === host)) return `database ${owner} has no instance on ${host}`;
    const patch = db.patches?.find((x) => x.id === id);
    return { address: address as Address, system: 'oracle', owner, id, ref: { host, home: oracleHomeOf(db), tool: 'opatch' }, ...(patch?.archive ? { archive: patch.archive } : {}), replaces: [], outage: db.instances.length < 2 };
  }
  return `${address} is not a WebLogic or Oracle home patch address`;
}

function rules(h: HomePatch): Record<string, AttributeRule> | undefined {
  const base = h.system === 'oracle' ? DB_HOME_PATCH_RULES.attributes!.applied! : HOME_RULE;
  return h.outage ? { applied: { ...base, disruption: 'outage' } } : undefined;
}

/** One inventory read per (host, home); each address reads `applied`. */
export async function readHomePatches(ctx: ProviderContext, addresses: readonly Address[]): Promise<LiveRead[]> {
  const placed = addresses.map((a) => ({ a, at: locate(ctx, a) }));
  const groups = new Map<string, HomePatch[]>();
  const reads: LiveRead[] = [];
  for (const { a, at } of placed) {
    if (typeof at === 'string') reads.push(unknown(a, at));
    else groups.set(`${at.ref.host}|${at.ref.home}`, [...(groups.get(`${at.ref.host}|${at.ref.home}`) ?? []), at]);
  }
  const perHome = await mapBounded([...groups.values()], ctx.concurrency, async (list) => {
    try {
      const inv = await readInventory(ctx, list[0]!.ref);
      return list.map((h) => {
        const r = rules(h);
        return present(h.address, { applied: inv.has(h.id) }, { type: 'home-patch', ...(r ? { rules: r } : {}) });
      });
    } catch (err) {
      return list.map((h) => unknown(h.address, (err as Error).message));
    }
  });
  return [...reads, ...perHome.flat()];
}
