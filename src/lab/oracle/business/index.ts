/**
 * Simulated 社保费 business data for the lab's databases (owned by lab-oracle; imports only the
 * lab state types). attachBusinessTables puts the generated tables into the primary core,
 * front and receive databases and returns the manifest of injected problems.
 */
import type { LabState } from '../../state/types.js';
import { generateBusinessTables } from './generate.js';
import { releaseTables } from './release-tables.js';
import type { BusinessManifest } from './types.js';

export { generateBusinessTables, DEFAULT_PERIODS, localTime } from './generate.js';
export { idCheckDigit, isValidIdNo, isLuhnValid } from './identity.js';
export type { BusinessManifest, BusinessTables, GenerateOptions, InjectedMismatch, MismatchClass } from './types.js';

const PREFIXES = { core: 'coredb', front: 'frontdb', receive: 'receivedb' } as const;

/**
 * Adds the business tables to the PRIMARY databases whose name starts with coredb / frontdb /
 * receivedb (standbys are left without them: the lab does not replicate DML). The clock of
 * the generated recent records is the state's resetAt. The core database also gets the tables
 * the release migrations change (release-tables.ts). Returns the manifest.
 */
export function attachBusinessTables(state: LabState, seed: number): BusinessManifest {
  const generated = generateBusinessTables(seed, { now: new Date(state.resetAt) });
  for (const [purpose, prefix] of Object.entries(PREFIXES) as Array<[keyof typeof PREFIXES, string]>) {
    for (const db of Object.values(state.databases)) {
      if (!db.name.toLowerCase().startsWith(prefix) || db.role !== 'PRIMARY') continue;
      Object.assign(db.tables, structuredClone(generated[purpose]));
      if (purpose === 'core') {
        const release = releaseTables(generated.core, state.resetAt);
        Object.assign(db.tables, release.tables);
        db.indexes = { ...(db.indexes ?? {}), ...release.indexes };
      }
    }
  }
  return generated.manifest;
}
