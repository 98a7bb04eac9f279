/**
 * discover — turning what exists elsewhere into desired-state YAML: WebLogic Deploy Tooling
 * models (wdt/) today, live state (`opsctl discover`) next. Writes only under desired-state/,
 * always after a backup, and lists what it cannot map instead of dropping it.
 * May import load/ (to validate what it writes), model/ and yaml; never cli/.
 */
export * from './wdt/index.js';
