/**
 * The lab's WebLogic: a 12.2.1.4 REST management server (rest-server.ts) and a WLST-over-SSH
 * responder for 10.3.6 domains (wlst-command.ts, dialect in docs/lab-weblogic.md), both reading
 * and changing LabState.domains through the LabStore. Shared domain logic: config/runtime bean
 * trees, the edit session (session.ts), lifecycle/deployment operations (ops.ts) and a data
 * source's connection to its database (datasource.ts: testPool, pools created at server start).
 * May import: ../state, ../shell (types), ../oracle (connect: is a database down), node
 * built-ins. Never cli/, transport/ or providers/.
 */
export { startWeblogicRest } from './rest-server.js';
export type { WeblogicRestOptions } from './rest-server.js';
export { createWlstCommand, wlstCommand, PRELUDE_FUNCTIONS } from './wlst-command.js';
export { startWebLogicCommand } from './start-script.js';
