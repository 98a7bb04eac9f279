/**
 * What a freshly created Oracle database reports in V$PARAMETER: typical values for the common
 * parameters and their real ISSYS_MODIFIABLE (IMMEDIATE: ALTER SYSTEM takes effect now;
 * DEFERRED: for new sessions; FALSE: SCOPE=SPFILE and a restart). Desired init parameters
 * overlay these. A parameter missing from the table is treated as FALSE (needs a restart),
 * the conservative reading.
 */
import type { OracleDatabase } from '../../model/index.js';
import type { LabParameter } from './types.js';

type Modifiable = LabParameter['isSysModifiable'];

const FALSE_PARAMS = `processes sessions sga_max_size db_files db_block_size compatible
cluster_database db_name db_unique_name db_domain control_files session_cached_cursors
log_archive_format log_buffer audit_trail remote_login_passwordfile memory_max_target
db_writer_processes filesystemio_options disk_asynch_io use_large_pages nls_language
nls_territory nls_date_format open_links transactions instance_number thread
sec_max_failed_login_attempts utl_file_dir lock_sga`;

const IMMEDIATE_PARAMS = `open_cursors sga_target pga_aggregate_target pga_aggregate_limit
job_queue_processes db_recovery_file_dest db_recovery_file_dest_size undo_retention
undo_tablespace memory_target db_cache_size shared_pool_size large_pool_size java_pool_size
streams_pool_size log_archive_dest_1 log_archive_dest_2 log_archive_dest_state_1
log_archive_dest_state_2 log_archive_config fal_server standby_file_management dg_broker_start
optimizer_mode cursor_sharing parallel_max_servers fast_start_mttr_target archive_lag_target
resource_limit sec_case_sensitive_logon deferred_segment_creation diagnostic_dest
statistics_level timed_statistics db_file_multiblock_read_count result_cache_max_size
db_create_file_dest service_names local_listener remote_listener max_dump_file_size
enable_ddl_logging db_securefile log_checkpoint_interval global_names control_file_record_keep_time
log_archive_max_processes resource_manager_plan`;

const DEFERRED_PARAMS = `audit_file_dest recyclebin backup_tape_io_slaves`;

const MODIFIABLE: Record<string, Modifiable> = {};
for (const [list, value] of [[FALSE_PARAMS, 'FALSE'], [IMMEDIATE_PARAMS, 'IMMEDIATE'], [DEFERRED_PARAMS, 'DEFERRED']] as const) {
  for (const name of list.split(/\s+/)) MODIFIABLE[name] = value;
}

export function isSysModifiable(name: string): Modifiable {
  return MODIFIABLE[name] ?? 'FALSE';
}

const GB = 1024 * 1024 * 1024;

function compatibleOf(version: string): string {
  if (version.startsWith('11.2')) return '11.2.0.4.0';
  if (version.startsWith('12.1')) return '12.1.0.2.0';
  if (version.startsWith('12.2')) return '12.2.0';
  if (version.startsWith('18')) return '18.0.0';
  return '19.0.0';
}

/** V$PARAMETER values of a database nobody has tuned yet (sizes in bytes, as Oracle prints). */
export function defaultParameterValues(db: OracleDatabase, fraSizeGb: number): Record<string, string> {
  const rac = db.instances.filter((i) => i.role === 'rac-node').length > 1;
  const asm = rac ? '+DATA' : `/oradata/${db.dbName}`;
  return {
    processes: '2000',
    sessions: '3024',
    sga_max_size: String(16 * GB),
    sga_target: String(16 * GB),
    pga_aggregate_target: String(4 * GB),
    open_cursors: '300',
    session_cached_cursors: '50',
    db_files: '200',
    db_block_size: '8192',
    job_queue_processes: '1000',
    undo_retention: '900',
    undo_tablespace: 'UNDOTBS1',
    compatible: compatibleOf(db.version),
    cluster_database: rac ? 'TRUE' : 'FALSE',
    db_name: db.dbName,
    db_unique_name: db.role === 'physical-standby' ? `${db.dbName}_STBY` : db.dbName,
    control_files: `${asm}/${db.dbName}/control01.ctl, ${rac ? '+FRA' : '/fra'}/${db.dbName}/control02.ctl`,
    db_recovery_file_dest: rac ? '+FRA' : '/fra',
    db_recovery_file_dest_size: String(Math.round(fraSizeGb * GB)),
    audit_trail: 'DB',
    audit_file_dest: `/oracle/app/oracle/admin/${db.dbName}/adump`,
    remote_login_passwordfile: 'EXCLUSIVE',
    log_archive_format: '%t_%s_%r.dbf',
    cursor_sharing: 'EXACT',
    optimizer_mode: 'ALL_ROWS',
    statistics_level: 'TYPICAL',
    memory_target: '0',
    service_names: db.service,
    diagnostic_dest: '/oracle/app/oracle',
    resource_limit: 'TRUE',
    deferred_segment_creation: 'TRUE',
    recyclebin: 'on',
    standby_file_management: db.role === 'physical-standby' || db.standbyOf ? 'AUTO' : 'MANUAL',
    fast_start_mttr_target: '0',
    control_file_record_keep_time: '7',
  };
}
