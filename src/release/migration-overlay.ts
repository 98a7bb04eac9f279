/**
 * A sql-migration release as desired state: the environment copy gets `migrations` (one set:
 * the release's scripts on its database, files relative to the repository root), which the
 * Oracle provider plans as `migration` resources against the history table
 * (providers/oracle/migration.ts). Scripts must be committed with the release (`location:
 * repo`): what runs is exactly what was reviewed. Pure.
 */
import { error, type Diagnostic } from '../diag/index.js';
import type { EnvironmentModel, MigrationSet, Release } from '../model/index.js';
import type { SqlScriptStep } from './release-steps.js';

export function withMigrations(env: EnvironmentModel, release: Release, steps: readonly SqlScriptStep[], diagnostics: Diagnostic[]): EnvironmentModel {
  const m = release.sqlMigration;
  if (!m) return env;
  const file = (path: string): string => `releases/${release.name}/${path}`;
  for (const s of steps) {
    for (const a of [s.artifact, ...(s.rollback ? [s.rollback] : [])]) {
      if (a.location !== 'repo') diagnostics.push(error('release', `release ${release.name}: SQL script artifact ${a.name} must be committed with the release (location: repo), not in the artifact store`));
    }
  }
  if (!env.databases.some((d) => d.name === m.database && d.role !== 'physical-standby')) {
    diagnostics.push(error('release', `release ${release.name}: database ${m.database} is not a primary database of ${env.environment.name}`));
  }
  const set: MigrationSet = {
    release: release.name,
    database: m.database,
    historyTable: m.historyTable,
    scripts: steps.map((s) => ({
      id: s.id, order: s.order, file: file(s.artifact.path), sha256: s.artifact.sha256,
      ...(s.rollback ? { rollback: { file: file(s.rollback.path), sha256: s.rollback.sha256 } } : {}),
      verify: s.verify.map((v) => ({ sql: v.sql, expect: v.expect })),
      ...(s.estimatedMinutes ? { estimatedSeconds: Math.round(s.estimatedMinutes * 60) } : {}),
    })),
  };
  return { ...env, migrations: [...(env.migrations ?? []).filter((x) => x.release !== release.name), set] };
}
