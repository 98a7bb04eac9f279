/**
 * Desired state of every OracleDatabase as resources (pure). Per database: init parameters,
 * tablespaces, profiles, users, scheduler jobs, patches and archive settings. A physical
 * standby declares parameters and archive settings only: its tablespaces, users and jobs
 * follow the primary through redo, and a mounted standby cannot answer DBA_ views (its SQL
 * patch registry is the primary's; binary patches are a release step with opatch).
 */
import type { Attributes, DesiredResource } from '../../core/index.js';
import type { OracleDatabase } from '../../model/schema/index.js';
import { childAddress, isStandby, restartGroup } from './common.js';
import { normaliseLimit, normaliseParameter, parameterKind } from './values.js';

function resource(env: string, db: OracleDatabase, type: string, name: string, attributes: Attributes): DesiredResource {
  return { address: childAddress(env, db.name, type, name), system: 'oracle', type, attributes };
}

function parameters(env: string, db: OracleDatabase): DesiredResource[] {
  const group = restartGroup(env, db);
  return Object.entries(db.initParameters ?? {}).map(([name, value]) => ({
    ...resource(env, db, 'parameter', name, { value: normaliseParameter(parameterKind(name, value), value) ?? null }),
    restartGroups: [group],
  }));
}

function profiles(env: string, db: OracleDatabase): DesiredResource[] {
  return (db.profiles ?? []).map((p) => {
    const attrs: Attributes = { passwordLifeTime: normaliseLimit(p.passwordLifeTime), failedLoginAttempts: normaliseLimit(p.failedLoginAttempts) };
    if (p.passwordGraceTime !== undefined) attrs.passwordGraceTime = normaliseLimit(p.passwordGraceTime);
    if (p.passwordReuseMax !== undefined) attrs.passwordReuseMax = normaliseLimit(p.passwordReuseMax);
    return resource(env, db, 'profile', p.name, attrs);
  });
}

function primaryOnly(env: string, db: OracleDatabase): DesiredResource[] {
  return [
    ...(db.tablespaces ?? []).map((t) => resource(env, db, 'tablespace', t.name, { autoextend: t.autoextend, maxSizeGb: t.maxSizeGb })),
    ...profiles(env, db),
    ...(db.users ?? []).map((u) => ({
      ...resource(env, db, 'user', u.name, { profile: u.profile, defaultTablespace: u.defaultTablespace, accountStatus: u.accountStatus }),
      dependsOn: [
        childAddress(env, db.name, 'profile', u.profile),
        childAddress(env, db.name, 'tablespace', u.defaultTablespace),
      ].filter((a) => (db.profiles ?? []).some((p) => a.endsWith(`/profile:${p.name}`)) || (db.tablespaces ?? []).some((t) => a.endsWith(`/tablespace:${t.name}`))),
    })),
    ...(db.schedulerJobs ?? []).map((j) => resource(env, db, 'scheduler-job', j.name, { enabled: j.enabled })),
    ...(db.patches ?? []).map((p) => resource(env, db, 'patch', p.id, { present: true })),
  ];
}

function archive(env: string, db: OracleDatabase): DesiredResource[] {
  if (!db.archive) return [];
  return [{ ...resource(env, db, 'archive', 'config', { logMode: db.archive.logMode, fraSizeGb: db.archive.fraSizeGb }), restartGroups: [restartGroup(env, db)] }];
}

export function oracleDesired(env: string, databases: readonly OracleDatabase[]): DesiredResource[] {
  return databases.flatMap((db) => [...parameters(env, db), ...(isStandby(db) ? [] : primaryOnly(env, db)), ...archive(env, db)]);
}
