/**
 * The lab's patch tools: OPatch (`<home>/OPatch/opatch`), BSU (`<MW_HOME>/utils/bsu/bsu.sh`)
 * and datapatch (`$ORACLE_HOME/OPatch/datapatch`), answering from the homes' patch inventories
 * in LabHost.homes (built at reset by state/build-homes.ts) and the databases' SQL registry.
 * docs/lab.md "Patch tools". May import: ../state, ../shell (types, vfs), model/homes. Never
 * cli/, transport/ or providers/.
 */
export { opatchCommand } from './opatch.js';
export { bsuCommand } from './bsu.js';
export { datapatchCommand } from './datapatch.js';
export { activeUses, locateHome, type ActiveUse } from './homes.js';
