/**
 * incident — incident records (事件/故障记录) and their 《故障处理报告》: the record contract
 * (schema.ts), the 3-working-day report deadline over the holiday calendar (due.ts, pure), the
 * report document (report.ts, pure), files under reports/<env>/incidents/ (store.ts) and the
 * record operations new/close/submit (ops.ts). Prints nothing; never imports cli/.
 */
export { IncidentSchema, validateIncident, INCIDENT_FORMAT_VERSION, type Incident } from './schema.js';
export { deadlineOf, addWorkingDays, REPORT_DUE_WORKING_DAYS, type Deadline } from './due.js';
export { incidentReportDoc, deadlineText, statusText } from './report.js';
export { listIncidents, findIncident, nextIncidentId, saveIncident, deadlineFor, dayTableFor, incidentDir, readIncident, IncidentError } from './store.js';
export { newIncident, closeIncident, submitReport, type NewIncidentInput, type CloseInput } from './ops.js';
