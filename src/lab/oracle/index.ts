/**
 * The lab's Oracle: `sqlplus` and `lsnrctl` command handlers for the database hosts, answering
 * the check catalogue's SQL exactly and a small SELECT/DML engine over state-backed views and
 * tables, plus the generated business tables (business/). Imports only the lab state and shell
 * contracts; no I/O beyond the LabStore it is given.
 */
export { createSqlplusCommand, sqlplusCommand } from './sqlplus.js';
export type { SqlplusOptions } from './sqlplus.js';
export type { PasswordCheck } from './connect.js';
export { lsnrctlCommand } from './lsnrctl.js';
export { DB_SQL as CATALOGUE_SQL } from '../../health/catalogue-sql.js';
export { matchCatalogue, normaliseSql } from './catalogue.js';
export { attachBusinessTables, generateBusinessTables } from './business/index.js';
export type { BusinessManifest, InjectedMismatch, MismatchClass } from './business/index.js';
