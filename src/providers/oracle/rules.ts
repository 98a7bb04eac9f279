/**
 * How Oracle changes take effect, as data (aesthetics lesson 12). Parameters are decided per
 * resource from the live V$PARAMETER.ISSYS_MODIFIABLE (LiveRead.rules): IMMEDIATE → live;
 * DEFERRED → live for new sessions; FALSE → SCOPE=SPFILE plus an instance restart, rolling on
 * RAC (brief) and an outage for a single instance. The table's parameter rule is the
 * conservative one, used when the live flag is unknown.
 */
import type { AttributeRule, TypeRule } from '../../core/index.js';

const live = (seconds: number, reversible = true): AttributeRule => ({ effect: 'live', restartScope: 'none', disruption: 'none', reversible, estimatedSeconds: seconds });

export type SysModifiable = 'IMMEDIATE' | 'DEFERRED' | 'FALSE';

/** The rule of a parameter's `value` given ISSYS_MODIFIABLE and how many instances restart. */
export function parameterRule(modifiable: SysModifiable, instances: number): AttributeRule {
  if (modifiable === 'IMMEDIATE' || modifiable === 'DEFERRED') return live(10);
  return { effect: 'restart', restartScope: 'instance', disruption: instances > 1 ? 'brief' : 'outage', reversible: true, estimatedSeconds: 10 };
}

export const ORACLE_TYPES: Record<string, TypeRule> = {
  parameter: {
    // Unknown ISSYS_MODIFIABLE: assume FALSE (SCOPE=SPFILE + restart), the safe reading.
    defaultAttribute: { effect: 'restart', restartScope: 'instance', disruption: 'outage', reversible: true, estimatedSeconds: 10 },
  },
  tablespace: {
    preventDestroy: true,
    attributes: {
      autoextend: live(20),
      // Growing may add datafiles, which cannot simply be dropped again.
      maxSizeGb: live(60, false),
    },
  },
  profile: { preventDestroy: true, defaultAttribute: live(5) },
  user: {
    preventDestroy: true,
    attributes: { profile: live(5), defaultTablespace: live(5), accountStatus: live(5) },
  },
  'scheduler-job': { attributes: { enabled: live(5) } },
  // Declared only: patches are applied by a release (OPatch/datapatch), not by plan apply.
  patch: { attributes: { present: { effect: 'live', restartScope: 'none', disruption: 'outage', reversible: false, estimatedSeconds: 3600 } } },
  // sql-migration releases (migration.ts): created (run) and deleted (rolled back) only; a changed
  // checksum is a conflict the plan refuses, never an update that re-runs a script.
  'schema-history': { createSeconds: 5, deleteSeconds: 5, attributes: { columns: live(5) } },
  migration: { createSeconds: 60, deleteSeconds: 60, attributes: { checksum: live(60) } },
  archive: {
    attributes: {
      // ARCHIVELOG ↔ NOARCHIVELOG needs SHUTDOWN, STARTUP MOUNT, ALTER DATABASE: a manual procedure.
      logMode: { effect: 'restart', restartScope: 'instance', disruption: 'outage', reversible: false, estimatedSeconds: 900 },
      fraSizeGb: live(10),
    },
  },
};
