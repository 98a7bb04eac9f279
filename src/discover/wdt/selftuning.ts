/**
 * resources:/SelfTuning → workManagers: targets, min/max threads (through the constraints the
 * work manager names), stuck-thread handling. Unused constraints, capacities and request classes
 * are listed.
 */
import { bool, child, compact, instances, integer, isMap, leftover, text, unmapped, type Ctx, type Json } from './context.js';
import { mapTargets, type DomainNames } from './targets.js';

function threads(ctx: Ctx, self: Json, kind: 'MinThreadsConstraint' | 'MaxThreadsConstraint', ref: string | undefined, used: Set<string>): number | string | undefined {
  if (!ref) return undefined;
  const folder = isMap(self[kind]) ? self[kind] : {};
  const c = folder[ref];
  const path = `resources:/SelfTuning/${kind}/${ref}`;
  if (!isMap(c)) {
    unmapped(ctx, path, `work manager names constraint ${ref}, which the model does not define`);
    return undefined;
  }
  if (!used.has(`${kind}/${ref}`)) leftover(ctx, c, ['Count', 'Target'], path, kind);
  used.add(`${kind}/${ref}`);
  return integer(c['Count']);
}

function workManager(ctx: Ctx, self: Json, name: string, wm: Json, names: DomainNames, used: Set<string>): Json | undefined {
  const path = `resources:/SelfTuning/WorkManager/${name}`;
  const targets = mapTargets(ctx, wm['Target'], path, names);
  const trigger = isMap(wm['WorkManagerShutdownTrigger']) ? wm['WorkManagerShutdownTrigger'] : {};
  if (isMap(wm['WorkManagerShutdownTrigger'])) leftover(ctx, trigger, ['StuckThreadCount'], `${path}/WorkManagerShutdownTrigger`, 'WorkManagerShutdownTrigger');
  const minThreads = threads(ctx, self, 'MinThreadsConstraint', text(wm['MinThreadsConstraint']), used);
  const maxThreads = threads(ctx, self, 'MaxThreadsConstraint', text(wm['MaxThreadsConstraint']), used);
  leftover(ctx, wm, ['Target', 'MinThreadsConstraint', 'MaxThreadsConstraint', 'WorkManagerShutdownTrigger', 'IgnoreStuckThreads'], path, 'WorkManager');
  if (targets.length === 0) {
    unmapped(ctx, path, 'the work manager has no target; opsctl needs at least one (not imported)');
    return undefined;
  }
  return compact({
    name,
    targets,
    minThreads,
    maxThreads,
    stuckThreadCount: integer(trigger['StuckThreadCount']),
    ignoreStuckThreads: bool(wm['IgnoreStuckThreads']),
  });
}

export function mapWorkManagers(ctx: Ctx, self: unknown, names: DomainNames): Json[] {
  if (!isMap(self)) return [];
  const used = new Set<string>();
  const out: Json[] = [];
  for (const [name, wm] of instances(ctx, self['WorkManager'], 'resources:/SelfTuning/WorkManager')) {
    const mapped = workManager(ctx, self, name, wm, names, used);
    if (mapped) out.push(mapped);
  }
  for (const kind of ['MinThreadsConstraint', 'MaxThreadsConstraint'] as const) {
    for (const [name] of instances(ctx, self[kind], `resources:/SelfTuning/${kind}`)) {
      if (!used.has(`${kind}/${name}`)) unmapped(ctx, child(`resources:/SelfTuning/${kind}`, name), 'constraint not used by any work manager');
    }
  }
  leftover(ctx, self, ['WorkManager', 'MinThreadsConstraint', 'MaxThreadsConstraint'], 'resources:/SelfTuning', 'SelfTuning');
  return out;
}
