/**
 * The catalogue's exact SQL (reference/health-checks.md §2), verbatim, by query key. Data only:
 * the collectors in inspect/ send it through OracleSession; the lab recognises each statement by
 * its normalised tokens, and so would a reviewer comparing it with the reference.
 */

export const DB_SQL: Record<string, string> = {
  'instance': `SELECT instance_name, host_name, version, startup_time, status, archiver,
       logins, shutdown_pending, database_status, instance_role, active_state, blocked
FROM   v$instance;`,
  'database': `SELECT name, db_unique_name, dbid, log_mode, open_mode, database_role,
       protection_mode, switchover_status, force_logging, flashback_on, platform_name
FROM   v$database;`,
  'tablespace-metrics': `SELECT m.tablespace_name,
       t.contents,
       ROUND(m.used_space      * t.block_size / 1048576) AS used_mb,
       ROUND(m.tablespace_size * t.block_size / 1048576) AS max_mb,
       ROUND(m.used_percent, 2)                          AS used_pct
FROM   dba_tablespace_usage_metrics m
JOIN   dba_tablespaces t ON t.tablespace_name = m.tablespace_name
ORDER  BY m.used_percent DESC;`,
  'tablespace-classic': `SELECT df.tablespace_name,
       ROUND(SUM(df.bytes) / 1048576)                                           AS alloc_mb,
       ROUND(SUM(CASE WHEN df.autoextensible = 'YES'
                      THEN GREATEST(df.maxbytes, df.bytes) ELSE df.bytes END) / 1048576) AS max_mb,
       ROUND(NVL(MAX(fs.free_bytes), 0) / 1048576)                              AS free_in_alloc_mb,
       ROUND((SUM(df.bytes) - NVL(MAX(fs.free_bytes), 0)) * 100 /
             SUM(CASE WHEN df.autoextensible = 'YES'
                      THEN GREATEST(df.maxbytes, df.bytes) ELSE df.bytes END), 2) AS used_pct_of_max,
       MAX(df.autoextensible)                                                   AS any_autoextend
FROM   dba_data_files df
LEFT   JOIN (SELECT tablespace_name, SUM(bytes) AS free_bytes
             FROM dba_free_space GROUP BY tablespace_name) fs
       ON fs.tablespace_name = df.tablespace_name
GROUP  BY df.tablespace_name
ORDER  BY used_pct_of_max DESC;`,
  'temp-free': `SELECT tablespace_name,
       ROUND(tablespace_size / 1048576) AS size_mb,
       ROUND(allocated_space / 1048576) AS allocated_mb,
       ROUND(free_space      / 1048576) AS free_mb,
       ROUND((tablespace_size - free_space) * 100 / tablespace_size, 2) AS used_pct
FROM   dba_temp_free_space;`,
  'temp-users': `-- who is using temp right now
SELECT s.sid, s.serial#, s.username, s.sql_id, u.tablespace, u.segtype,
       ROUND(u.blocks * TO_NUMBER(p.value) / 1048576) AS used_mb
FROM   v$tempseg_usage u
JOIN   v$session s ON s.saddr = u.session_addr
CROSS  JOIN (SELECT value FROM v$parameter WHERE name = 'db_block_size') p
ORDER  BY u.blocks DESC;`,
  'undo-extents': `SELECT tablespace_name, status, ROUND(SUM(bytes) / 1048576) AS mb
FROM   dba_undo_extents
GROUP  BY tablespace_name, status;             -- ACTIVE / UNEXPIRED / EXPIRED`,
  'undostat': `SELECT MAX(maxquerylen)        AS max_query_s,
       MAX(tuned_undoretention) AS tuned_retention_s,
       SUM(ssolderrcnt)        AS ora1555_count,
       SUM(nospaceerrcnt)      AS nospace_count
FROM   v$undostat
WHERE  begin_time > SYSDATE - 1;`,
  'fra-dest': `SELECT name,
       ROUND(space_limit       / 1048576) AS limit_mb,
       ROUND(space_used        / 1048576) AS used_mb,
       ROUND(space_reclaimable / 1048576) AS reclaimable_mb,
       number_of_files,
       ROUND((space_used - space_reclaimable) * 100 / NULLIF(space_limit, 0), 2) AS nonreclaimable_pct
FROM   v$recovery_file_dest;`,
  'fra-usage': `SELECT file_type, percent_space_used, percent_space_reclaimable, number_of_files
FROM   v$recovery_area_usage;          -- V$FLASH_RECOVERY_AREA_USAGE on 10g/11.1`,
  'archive-dest': `SELECT dest_id, dest_name, status, error, destination
FROM   v$archive_dest
WHERE  status <> 'INACTIVE';`,
  'archived-log': `SELECT TRUNC(completion_time) AS day, COUNT(*) AS logs,
       ROUND(SUM(blocks * block_size) / 1048576) AS mb
FROM   v$archived_log
WHERE  completion_time > SYSDATE - 7 AND dest_id = 1
GROUP  BY TRUNC(completion_time) ORDER BY 1;`,
  'alert-log': `SELECT originating_timestamp, message_level, message_type,
       SUBSTR(message_text, 1, 500) AS message_text
FROM   v$diag_alert_ext
WHERE  originating_timestamp > SYSTIMESTAMP - INTERVAL '1' DAY
AND    (message_text LIKE '%ORA-%' OR message_text LIKE '%TNS-%'
        OR message_level <= 2 OR message_type IN (2, 3))
ORDER  BY originating_timestamp;`,
  'invalid-objects': `SELECT owner, object_type, COUNT(*) AS cnt
FROM   dba_objects
WHERE  status = 'INVALID'
GROUP  BY owner, object_type
ORDER  BY cnt DESC;`,
  'unusable-indexes': `SELECT owner, index_name, status FROM dba_indexes       WHERE status = 'UNUSABLE'
UNION ALL
SELECT index_owner, index_name || ':' || partition_name, status
FROM   dba_ind_partitions WHERE status = 'UNUSABLE';`,
  'registry': `SELECT comp_id, version, status FROM dba_registry WHERE status <> 'VALID';`,
  'blocked-sessions': `SELECT s.inst_id, s.sid, s.serial#, s.username, s.program, s.machine, s.event,
       ROUND(s.wait_time_micro / 1e6) AS waited_s,           -- 11.2+
       s.blocking_instance, s.blocking_session, s.sql_id
FROM   gv$session s
WHERE  s.blocking_session IS NOT NULL
ORDER  BY s.wait_time_micro DESC;`,
  'root-blockers': `-- root blockers (sessions that block others but are not themselves blocked)
SELECT DISTINCT b.inst_id, b.sid, b.serial#, b.username, b.program, b.status, b.last_call_et
FROM   gv$session w
JOIN   gv$session b ON b.inst_id = w.blocking_instance AND b.sid = w.blocking_session
WHERE  b.blocking_session IS NULL;`,
  'long-sessions': `SELECT sid, serial#, username, sql_id, status, last_call_et AS active_s, event, module, machine
FROM   v$session
WHERE  type = 'USER' AND status = 'ACTIVE' AND last_call_et > 3600
ORDER  BY last_call_et DESC;`,
  'longops': `SELECT sid, opname, target, sofar, totalwork,
       ROUND(sofar * 100 / NULLIF(totalwork, 0), 1) AS pct,
       elapsed_seconds, time_remaining
FROM   v$session_longops
WHERE  sofar < totalwork;`,
  'resource-limit': `SELECT resource_name, current_utilization, max_utilization,
       TRIM(initial_allocation) AS initial_allocation, TRIM(limit_value) AS limit_value
FROM   v$resource_limit
WHERE  resource_name IN ('processes', 'sessions', 'transactions', 'enqueue_locks');`,
  'rman': `SELECT session_key, input_type, status, start_time, end_time, output_device_type,
       input_bytes_display, output_bytes_display, time_taken_display
FROM   v$rman_backup_job_details
WHERE  start_time > SYSDATE - 7
ORDER  BY start_time DESC;`,
  'dataguard-stats': `SELECT name, value, unit, time_computed, datum_time
FROM   v$dataguard_stats
WHERE  LOWER(name) IN ('transport lag', 'apply lag', 'apply finish time');`,
  'archive-dest-standby': `-- on the primary: destination errors / gaps
SELECT dest_id, status, error FROM v$archive_dest WHERE target = 'STANDBY';`,
  'scheduler-runs': `SELECT log_date, owner, job_name, status, error#, run_duration,
       SUBSTR(additional_info, 1, 300) AS additional_info
FROM   dba_scheduler_job_run_details
WHERE  log_date > SYSTIMESTAMP - INTERVAL '1' DAY
AND    status <> 'SUCCEEDED'
ORDER  BY log_date DESC;`,
  'scheduler-jobs': `SELECT owner, job_name, enabled, state, failure_count, last_start_date, next_run_date
FROM   dba_scheduler_jobs
WHERE  state IN ('BROKEN', 'FAILED')
   OR (enabled = 'TRUE' AND next_run_date < SYSTIMESTAMP - INTERVAL '1' HOUR);`,
  'dba-jobs': `-- legacy DBMS_JOB (still common in 11g application schemas)
SELECT job, log_user, SUBSTR(what, 1, 80) AS what, broken, failures, last_date, next_date
FROM   dba_jobs
WHERE  broken = 'Y' OR failures > 0;`,
  'parameters': `SELECT p.name, p.value, p.display_value, p.isdefault, p.ismodified,
       p.isses_modifiable, p.issys_modifiable, p.isinstance_modifiable
FROM   v$parameter p
WHERE  p.name IN ('processes', 'sessions', 'open_cursors', 'sga_target', 'sga_max_size',
                  'pga_aggregate_target', 'memory_target', 'undo_retention',
                  'db_recovery_file_dest_size', 'log_archive_dest_1', 'audit_trail',
                  'job_queue_processes', 'db_files', 'control_file_record_keep_time');`,
  'spparameter-diff': `-- pending differences between memory and SPFILE
SELECT sp.name, sp.sid, sp.value AS spfile_value, p.value AS memory_value, p.issys_modifiable
FROM   v$spparameter sp
JOIN   v$parameter   p ON p.name = sp.name
WHERE  sp.isspecified = 'TRUE'
AND    sp.sid IN ('*', SYS_CONTEXT('USERENV', 'INSTANCE_NAME'))
AND    NVL(sp.value, '~') <> NVL(p.value, '~');`,
  'spfile-path': `SELECT value AS spfile_path FROM v$parameter WHERE name = 'spfile';   -- NULL => PFILE in use`,
  'version-banner': `SELECT banner FROM v$version;                       -- 18c+: also BANNER_FULL`,
  'instance-version': `SELECT version FROM v$instance;                     -- 18c+: VERSION_FULL`,
  'sqlpatch': `-- 12.1+: SQL side of patches (written by datapatch)
SELECT patch_id, action, status, action_time, SUBSTR(description, 1, 100) AS description
FROM   dba_registry_sqlpatch
ORDER  BY action_time;`,
  'registry-history': `-- 11g: catbundle history
SELECT action_time, action, version, id, comments, bundle_series
FROM   dba_registry_history
ORDER  BY action_time;`,
  'datafile-status': `SELECT file#, name, status FROM v$datafile WHERE status NOT IN ('ONLINE', 'SYSTEM');`,
  'recover-file': `SELECT * FROM v$recover_file;                                   -- any row = CRITICAL`,
  'log-switches': `-- redo log switches per hour (last 24 h)
SELECT TO_CHAR(first_time, 'YYYY-MM-DD HH24') AS hr, COUNT(*) AS switches
FROM   v$log_history WHERE first_time > SYSDATE - 1
GROUP  BY TO_CHAR(first_time, 'YYYY-MM-DD HH24') ORDER BY 1;`,
  'users-expiring': `-- application accounts about to expire / locked (11g DEFAULT profile expires passwords)
SELECT username, account_status, expiry_date, profile
FROM   dba_users
WHERE  account_status <> 'OPEN' OR expiry_date < SYSDATE + 14;`,
  'users-10g': `-- accounts only holding a 10G verifier (blocks node-oracledb Thin mode, see 4.1)
SELECT username FROM dba_users
WHERE (password_versions = '10G ' OR password_versions = '10G HTTP ') AND username <> 'ANONYMOUS';`,
};
