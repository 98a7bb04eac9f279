/**
 * The desired state a release plan is made and applied against: for an `application` release,
 * the environment with the release overlaid (releaseOverlay: the deployment's version, archive
 * path and sha256); for a `sql-migration` release, with its scripts as `migrations` (planned by
 * the Oracle provider against the history table); for `weblogic-patch` / `oracle-patch` the
 * patch added to the domains' / databases' `patches` with its archive; for other release types
 * the plain environment (the release only labels the plan). Used by `plan --release R`, by
 * `apply` of a plan whose `release` is set, and by `rollback`/`recover` of such an apply, so all
 * see the same desired values.
 */
import { formatDiagnostic } from '../../diag/index.js';
import type { EnvironmentModel } from '../../model/index.js';
import { EXIT } from '../exit.js';

/** Release types planned against the overlaid desired state (the others only label the plan). */
const OVERLAID = new Set(['application', 'sql-migration', 'weblogic-patch', 'oracle-patch']);

/** The model to plan/apply `release` with, or undefined after printing why not (exit 1). */
export async function releaseModelForCli(root: string, env: EnvironmentModel, release: string): Promise<EnvironmentModel | undefined> {
  const [{ loadRepository }, { releaseOverlay }] = await Promise.all([import('../../load/index.js'), import('../../release/index.js')]);
  const { model } = loadRepository(root);
  const found = model.releases.find((r) => r.name === release);
  if (!found) {
    const known = model.releases.map((r) => r.name).sort().join(', ') || 'none';
    process.stderr.write(`opsctl: release "${release}" has no manifest under releases/ (known: ${known})\n`);
    process.exitCode = EXIT.error;
    return undefined;
  }
  if (!OVERLAID.has(found.type)) return env;
  const overlay = releaseOverlay(model, found, env);
  const errors = overlay.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`opsctl: release ${release} cannot be planned for ${env.environment.name}\n`);
    process.exitCode = EXIT.error;
    return undefined;
  }
  return overlay.env;
}
