/**
 * How home patches and SQL patches take effect — data for core (docs/releases.md "Patch
 * releases"). A home patch step stops the host's servers or instances, patches, starts them and
 * waits for the health gate itself, so its change is `live` with its downtime on the step: brief
 * when the rest of the cluster / RAC keeps serving, outage (read override, read.ts) otherwise.
 * Reversible: OPatch rolls back by id, BSU removes (and re-installs what the patch replaced).
 * The SQL side (datapatch) runs online, once per primary, and is undone with
 * `datapatch -rollback ID -force` before the homes are rolled back.
 */
import type { AttributeRule, TypeRule } from '../../core/index.js';

export const HOME_RULE: AttributeRule = { effect: 'live', restartScope: 'none', disruption: 'brief', reversible: true, estimatedSeconds: 600 };

export const HOME_PATCH_RULES: TypeRule = { attributes: { applied: HOME_RULE } };

export const DB_HOME_PATCH_RULES: TypeRule = { attributes: { applied: { ...HOME_RULE, estimatedSeconds: 900 } } };

/** Replaces the Oracle provider's declared-only `patch` rule: now applied (datapatch) and reversible. */
export const SQL_PATCH_RULES: TypeRule = {
  createSeconds: 600,
  attributes: { present: { effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: 600 } },
};
