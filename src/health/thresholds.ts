/**
 * Which thresholds are in force for one measurement. The most specific source wins:
 *
 *   object (HostProfile.filesystems per mount, OracleDatabase.tablespaces, OracleDatabase.archive
 *   FRA) > playbook `checks[].thresholds` > catalogue default.
 *
 * Exception, published: in a `pre-collection` playbook the playbook's thresholds tighten but
 * never loosen an object's (the stricter of the two applies), because that inspection exists to
 * find problems early, before the 征期 opens.
 */
import { profileApplies, type EnvironmentModel, type HostProfile, type InspectionPlaybook } from '../model/index.js';
import { checkNamed } from './catalogue.js';
import type { Direction, Measurement, ThresholdOrigin, Thresholds } from './types.js';

export type ThresholdInForce = Thresholds & { origin: ThresholdOrigin };

export { profileApplies } from '../model/index.js';

export function profilesFor(env: EnvironmentModel, hostName: string): HostProfile[] {
  const host = env.hosts.find((h) => h.name === hostName);
  return host ? env.hostProfiles.filter((p) => profileApplies(env, p, host)) : [];
}

/** `lab/host:hall-web-01/fs:/tmp` → { host: 'hall-web-01', fs: '/tmp' } (only the kinds used here). */
export function segmentsOf(target: string): Record<string, string> {
  const out: Record<string, string> = {};
  const rest = target.split('/').slice(1);
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i] ?? '';
    const colon = seg.indexOf(':');
    const kind = seg.slice(0, colon);
    if (kind === 'fs') {
      out.fs = [seg.slice(colon + 1), ...rest.slice(i + 1)].join('/');
      break;
    }
    out[kind] = seg.slice(colon + 1);
  }
  return out;
}

function objectThresholds(checkId: string, target: string, env: EnvironmentModel): ThresholdInForce | undefined {
  const seg = segmentsOf(target);
  if (checkId === 'host.filesystem' && seg.host && seg.fs) {
    let found: ThresholdInForce | undefined;
    for (const p of profilesFor(env, seg.host)) {
      const fs = p.filesystems?.find((f) => f.mount === seg.fs);
      if (fs) found = { warning: fs.warningPercent, critical: fs.criticalPercent, origin: 'host-profile' };
    }
    return found;
  }
  const db = seg.oracle ? env.databases.find((d) => d.name === seg.oracle) : undefined;
  if (!db) return undefined;
  if ((checkId === 'db.tablespace' || checkId === 'db.temp') && seg.tablespace) {
    const ts = db.tablespaces?.find((x) => x.name === seg.tablespace);
    return ts ? { warning: ts.warningPercent, critical: ts.criticalPercent, origin: 'database' } : undefined;
  }
  if (checkId === 'db.fra' && db.archive) return { warning: db.archive.fraWarningPercent, critical: db.archive.fraCriticalPercent, origin: 'database' };
  if (checkId === 'db.dataguard-lag' && db.archive?.maxApplyLagMinutes) {
    const m = db.archive.maxApplyLagMinutes;
    return { warning: m, critical: m * 6, origin: 'database' };
  }
  return undefined;
}

function stricter(a: Thresholds, b: Thresholds, direction: Direction): Thresholds {
  const pick = direction === 'below' ? Math.max : Math.min;
  return { warning: pick(a.warning, b.warning), critical: pick(a.critical, b.critical) };
}

export function thresholdsFor(m: Measurement, playbook: InspectionPlaybook, env: EnvironmentModel): ThresholdInForce | undefined {
  const check = checkNamed(m.checkId);
  if (!check) return undefined;
  const fromPlaybook = playbook.checks.find((c) => c.id === m.checkId)?.thresholds;
  const fromObject = objectThresholds(m.checkId, m.target, env);
  if (fromObject && fromPlaybook && playbook.cadence === 'pre-collection') {
    return { ...stricter(fromObject, fromPlaybook, check.direction), origin: 'stricter-of-playbook-and-object' };
  }
  if (fromObject) return fromObject;
  if (fromPlaybook) return { ...fromPlaybook, origin: 'playbook' };
  return check.defaults ? { ...check.defaults, origin: 'catalogue' } : undefined;
}
