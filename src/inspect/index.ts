/**
 * inspect — the collectors of an inspection (巡检): they read hosts (one SSH command batch each),
 * databases (catalogue SQL through OracleSession, lsnrctl), WebLogic domains (REST runtime
 * reads, WLST for 10.3.6) and the business tables, through ProviderContext only, and hand
 * measurements to health/ (pure judgement). Also writes the report files and commits them.
 * May import health/, parsers/, model/, providers/ (context, WLST script helpers), transport/,
 * git/; never cli/ or lab/. Prints nothing.
 */
export { inspect, UnknownCheckError, type InspectOptions } from './run.js';
export { writeReport, previousReport, reportBase, reportDir, type ExtraRenderer } from './files.js';
export { commitMessage, commitReport } from './commit.js';
export type { Collected, CollectInput, InspectSelection } from './types.js';
