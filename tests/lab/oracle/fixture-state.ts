/**
 * A hand-made lab state for the Oracle responder tests: a 2-node RAC primary (coredb), its
 * physical standby, and a single-instance front database. Built here, not by the lab builder,
 * so these tests depend only on the LabState contract.
 */
import type { LabDatabase, LabHost, LabState } from '../../../src/lab/state/types.js';

export const NOW = new Date('2026-11-20T10:00:00+08:00');

function host(name: string, os: 'aix' | 'linux'): LabHost {
  return {
    name, os, osLevel: os === 'aix' ? '7200-05-03-2148' : '5.10.0-28-amd64', hostname: name, roles: ['db'], uptimeSeconds: 86400 * 30,
    cpu: { cores: 16, userPercent: 10, systemPercent: 5, idlePercent: 84, waitPercent: 1, runQueue: 2 },
    memory: { totalMb: 65536, usedMb: 40000, pagingSpaceMb: 8192, pagingUsedPercent: 2 },
    tunables: { no: {}, vmo: {}, ioo: {}, sys0: {}, sysctl: {} }, files: {}, dirs: [], filesystems: [], processes: [], services: [], errpt: [], crontab: {}, accounts: {}, fixes: [],
  };
}

function database(name: string, over: Partial<LabDatabase>): LabDatabase {
  return {
    name, dbName: 'SBFCORE', version: '19.21.0.0.0', role: 'PRIMARY', openMode: 'READ WRITE', logMode: 'ARCHIVELOG',
    service: 'sbfcore', listenerPort: 1521, listenerUp: true,
    instances: [{ host: 'db01', sid: 'sbfcore1', status: 'OPEN', startupTime: '2026-10-01T02:00:00+08:00' }],
    parameters: {
      processes: { value: '2000', isSysModifiable: 'FALSE' },
      sessions: { value: '3024', isSysModifiable: 'FALSE' },
      open_cursors: { value: '300', isSysModifiable: 'IMMEDIATE' },
      sga_target: { value: String(16 * 2 ** 30), isSysModifiable: 'IMMEDIATE' },
      undo_retention: { value: '900', isSysModifiable: 'IMMEDIATE' },
      audit_file_dest: { value: '/oracle/admin/adump', isSysModifiable: 'DEFERRED' },
      db_recovery_file_dest: { value: '+FRA', isSysModifiable: 'IMMEDIATE' },
      db_unique_name: { value: 'SBFCORE', isSysModifiable: 'FALSE' },
    },
    tablespaces: {
      SYSTEM: { name: 'SYSTEM', contents: 'PERMANENT', autoextend: true, bigfile: false, sizeMb: 2048, usedMb: 1500, maxMb: 32767, datafiles: [{ path: '+DATA/sbfcore/system01.dbf', sizeMb: 2048, maxMb: 32767, autoextend: true }] },
      SBF_DATA: { name: 'SBF_DATA', contents: 'PERMANENT', autoextend: false, bigfile: false, sizeMb: 10240, usedMb: 9900, maxMb: 10240, datafiles: [{ path: '+DATA/sbfcore/sbf_data01.dbf', sizeMb: 10240, maxMb: 10240, autoextend: false }] },
      UNDOTBS1: { name: 'UNDOTBS1', contents: 'UNDO', autoextend: true, bigfile: false, sizeMb: 4096, usedMb: 1000, maxMb: 32767, datafiles: [{ path: '+DATA/sbfcore/undotbs01.dbf', sizeMb: 4096, maxMb: 32767, autoextend: true }] },
      TEMP: { name: 'TEMP', contents: 'TEMPORARY', autoextend: true, bigfile: false, sizeMb: 8192, usedMb: 512, maxMb: 32767, datafiles: [{ path: '+DATA/sbfcore/temp01.dbf', sizeMb: 8192, maxMb: 32767, autoextend: true }] },
    },
    fra: { sizeMb: 512000, usedMb: 204800, reclaimableMb: 102400 },
    profiles: { DEFAULT: { PASSWORD_LIFE_TIME: '180', FAILED_LOGIN_ATTEMPTS: '10' }, APP_PROFILE: { PASSWORD_LIFE_TIME: 'UNLIMITED', FAILED_LOGIN_ATTEMPTS: 'DEFAULT' } },
    users: {
      SBF: { profile: 'APP_PROFILE', defaultTablespace: 'SBF_DATA', accountStatus: 'OPEN', passwordChangedDaysAgo: 30 },
      MONITOR: { profile: 'DEFAULT', defaultTablespace: 'USERS', accountStatus: 'OPEN', passwordChangedDaysAgo: 170 },
      OLDAPP: { profile: 'DEFAULT', defaultTablespace: 'USERS', accountStatus: 'LOCKED', passwordChangedDaysAgo: 10 },
    },
    schedulerJobs: {
      'SBF.JOB_DAILY_DZ': { owner: 'SBF', name: 'JOB_DAILY_DZ', enabled: true, repeatInterval: 'FREQ=DAILY;BYHOUR=2', lastStatus: 'FAILED', failureCount: 3, lastRun: '2026-11-20T02:00:00+08:00' },
      'SBF.JOB_CLEAN': { owner: 'SBF', name: 'JOB_CLEAN', enabled: false, repeatInterval: 'FREQ=WEEKLY', lastStatus: 'SUCCEEDED', failureCount: 0, lastRun: '2026-11-15T02:00:00+08:00' },
    },
    patches: [{ id: '35643107', description: 'Database Release Update : 19.21.0.0.231017 (35643107)', status: 'SUCCESS', actionTime: '2026-01-10T23:00:00+08:00' }],
    alertLog: [
      { time: '2026-11-19T08:00:00+08:00', text: 'ORA-01653: unable to extend table SBF.X by 128 in tablespace SBF_DATA' },
      { time: '2026-11-20T03:10:00+08:00', text: 'Thread 1 advanced to log sequence 4242' },
      { time: '2026-11-20T04:00:00+08:00', text: 'ORA-00600: internal error code, arguments: [kdsgrp1]' },
    ],
    invalidObjects: [{ owner: 'SBF', name: 'PKG_DZ', type: 'PACKAGE BODY' }, { owner: 'SBF', name: 'V_DZ', type: 'VIEW' }, { owner: 'SBF', name: 'PKG_PK', type: 'PACKAGE BODY' }],
    blockingSessions: [{ sid: 245, blockingSid: 101, username: 'SBF', event: 'enq: TX - row lock contention', secondsInWait: 420 }],
    resourceLimits: { processes: { current: 812, max: 1500, limit: 2000 }, sessions: { current: 1100, max: 2000, limit: 3024 } },
    rmanJobs: [{ type: 'DB INCR', status: 'COMPLETED', start: '2026-11-20T01:00:00+08:00', end: '2026-11-20T02:10:00+08:00', outputMb: 51200 }],
    tables: {
      'SBF.T_DMB': { columns: ['DM', 'MC', 'YXBZ'], key: ['DM'], rows: [{ DM: '110', MC: '企业职工基本养老保险', YXBZ: 'Y' }, { DM: '310', MC: '职工基本医疗保险', YXBZ: 'Y' }, { DM: '999', MC: "O'Brien \"x\"", YXBZ: 'N' }] },
      'SBF.T_JK': { columns: ['VOUCHER_NO', 'XZ_CODE', 'PERIOD', 'AMOUNT_FEN'], key: ['VOUCHER_NO'], rows: [
        { VOUCHER_NO: 'V1', XZ_CODE: '110', PERIOD: '2026-10', AMOUNT_FEN: 123456 },
        { VOUCHER_NO: 'V2', XZ_CODE: '110', PERIOD: '2026-10', AMOUNT_FEN: 100 },
        { VOUCHER_NO: 'V3', XZ_CODE: '310', PERIOD: '2026-11', AMOUNT_FEN: 5001 },
      ] },
    },
    ...over,
  };
}

export function fixtureState(): LabState {
  const core = database('coredb', {
    instances: [
      { host: 'db01', sid: 'sbfcore1', status: 'OPEN', startupTime: '2026-10-01T02:00:00+08:00' },
      { host: 'db02', sid: 'sbfcore2', status: 'OPEN', startupTime: '2026-10-01T02:05:00+08:00' },
    ],
  });
  const standby = database('coredb-stby', {
    role: 'PHYSICAL STANDBY', openMode: 'READ ONLY WITH APPLY', service: 'sbfcore_stby',
    instances: [{ host: 'db03', sid: 'sbfcore', status: 'OPEN', startupTime: '2026-10-02T02:00:00+08:00' }],
    dataGuard: { transportLagSeconds: 4, applyLagSeconds: 400 },
  });
  const front = database('frontdb', { dbName: 'SBFQZ', service: 'sbfqz', version: '11.2.0.4', instances: [{ host: 'db04', sid: 'sbfqz', status: 'OPEN', startupTime: '2026-11-20T08:00:00+08:00' }, { host: 'db01', sid: 'sbfqz1', status: 'OPEN', startupTime: '2026-11-01T00:00:00+08:00' }], tables: {} });
  return {
    version: 1, env: 'lab', seed: 42, resetAt: '2026-11-20T00:00:00+08:00',
    hosts: { db01: host('db01', 'aix'), db02: host('db02', 'aix'), db03: host('db03', 'aix'), db04: host('db04', 'linux') },
    domains: {}, databases: { coredb: core, 'coredb-stby': standby, frontdb: front },
    drifts: [], faults: [], latency: { roundTripMs: 0, commandMs: 0 }, generation: 1,
  };
}
