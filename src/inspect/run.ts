/**
 * One inspection run: the playbook's checks → the collectors (hosts, databases, WebLogic,
 * business tables) run concurrently, each bounded by ctx.concurrency → one report value
 * (health/buildReport). Never throws for a target that cannot be read; throws only when the
 * playbook itself is unknown or names a check the catalogue does not have.
 */
import { buildReport, checkNamed, type InspectionReport, type PreviousReport } from '../health/index.js';
import { trendInput, withTrends } from '../health/trends.js';
import type { InspectionPlaybook } from '../model/index.js';
import type { OracleSession, ProviderContext } from '../providers/context.js';
import { readHistory } from '../report/history.js';
import { BUSINESS_CHECKS, collectBusiness } from './collect-business.js';
import { collectDatabases, DB_CHECKS } from './collect-db.js';
import { collectHosts, HOST_CHECKS, latencies } from './collect-host.js';
import { collectWeblogic, restLatencies, WLS_CHECKS } from './collect-weblogic.js';
import { type Collected, type CollectInput, type InspectSelection, merge } from './types.js';

const COLLECTED = new Set([...HOST_CHECKS, ...DB_CHECKS, ...WLS_CHECKS, ...BUSINESS_CHECKS]);

export interface InspectOptions {
  ctx: ProviderContext;
  playbook: InspectionPlaybook;
  revision: string | null;
  previous?: PreviousReport;
  /** Earlier reports for trends and the forecast (default: read from reports/<env>/inspections/). */
  history?: readonly InspectionReport[];
  oracle?: (database: string) => Promise<OracleSession>;
  /**
   * `inspect --shard I/N`: read only these hosts, domains and databases (types.ts says which
   * shard owns each reading). The model in ctx stays whole, and judges every reading.
   */
  selection?: InspectSelection;
}

export class UnknownCheckError extends Error {
  override readonly name = 'UnknownCheckError';
  constructor(readonly playbook: string, readonly checks: string[]) {
    super(`playbook ${playbook} lists checks the catalogue does not have: ${checks.join(', ')}`);
  }
}

function notMeasured(playbook: InspectionPlaybook, c: Collected): Collected['notMeasured'] {
  const out: Collected['notMeasured'] = [];
  for (const { id } of playbook.checks) {
    if (c.measurements.some((m) => m.checkId === id) || c.unread.some((u) => u.checkIds.includes(id))) continue;
    out.push({ checkId: id, reason: COLLECTED.has(id) ? 'nothing to measure in this environment (no matching target, e.g. no standby, no declared patches)' : 'no collector yet: not measured in this version' });
  }
  return out;
}

export async function inspect(opts: InspectOptions): Promise<InspectionReport> {
  const unknown = opts.playbook.checks.map((c) => c.id).filter((id) => !checkNamed(id));
  if (unknown.length) throw new UnknownCheckError(opts.playbook.name, unknown);
  const started = opts.ctx.now();
  const t0 = process.hrtime.bigint();
  const input: CollectInput = {
    ctx: opts.ctx,
    playbook: opts.playbook,
    checks: new Set(opts.playbook.checks.map((c) => c.id)),
    ...(opts.oracle ? { oracle: opts.oracle } : {}),
    ...(opts.selection ? { selection: opts.selection } : {}),
  };
  // Latency first, alone: measured while the other collectors run it would measure their load.
  const latency = input.checks.has('link.latency');
  const restRtt = latency ? await restLatencies(input) : new Map<string, number>();
  const rtt = latency ? await latencies(input) : new Map<string, number>();
  const collected = merge(await Promise.all([collectHosts(input, rtt), collectDatabases(input), collectWeblogic(input, restRtt), collectBusiness(input)]));
  const report = buildReport({
    env: opts.ctx.model,
    playbook: opts.playbook,
    generatedAt: started,
    revision: opts.revision,
    measurements: collected.measurements,
    unread: collected.unread,
    notMeasured: notMeasured(opts.playbook, collected),
    ...(opts.previous ? { previous: opts.previous } : {}),
    durationMs: Number((process.hrtime.bigint() - t0) / 1_000_000n),
  });
  return withTrends(report, opts.history ?? readHistory(opts.ctx.root, report.env, started, trendInput));
}
