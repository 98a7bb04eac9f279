/**
 * The text the lab's OPatch prints, laid out as the real tool's (captured outputs in
 * tests/fixtures/patch/): the session header (13.9 for WebLogic 12c homes with its "detects the
 * Middleware Home" line; 12.2.0.1 for 12c/19c database homes; 11.2.0.3 for 11g), the
 * lsinventory body, the silent apply and rollback transcripts, the prereq session and the
 * CheckActiveFilesAndExecutables refusal (error code 73).
 */
import type { LabHome, LabHost } from '../state/types.js';
import { createdOn, opatchStamp, unixDate, type ActiveUse } from './homes.js';

const RULE = '-'.repeat(80);

interface Versions { opatch: string; oui: string }

export function versions(home: LabHome): Versions {
  if (home.product === 'WebLogic Server') return { opatch: '13.9.4.2.5', oui: '13.9.4.0.0' };
  if (home.version.startsWith('11.')) return { opatch: '11.2.0.3.28', oui: home.version };
  return { opatch: '12.2.0.1.40', oui: home.version.startsWith('12.1') ? '12.1.0.2.0' : '12.2.0.7.0' };
}

const isWls = (home: LabHome): boolean => home.product === 'WebLogic Server';

export function logFile(path: string, now: Date): string {
  return `${path}/cfgtoollogs/opatch/opatch${opatchStamp(now)}_1.log`;
}

export function header(path: string, home: LabHome, now: Date, session?: 'PREREQ'): string[] {
  const v = versions(home);
  const inventory = isWls(home) ? `${path.slice(0, path.lastIndexOf('/'))}/oraInventory` : '/oracle/app/oraInventory';
  return [
    `Oracle Interim Patch Installer version ${v.opatch}`,
    `Copyright (c) ${unixDate(now).slice(-4)}, Oracle Corporation.  All rights reserved.`,
    '',
    ...(session ? [`${session} session`, ''] : ['']),
    `Oracle Home       : ${path}`, `Central Inventory : ${inventory}`, `   from           : ${path}/oraInst.loc`,
    `OPatch version    : ${v.opatch}`, `OUI version       : ${v.oui}`, `Log file location : ${logFile(path, now)}`,
    '',
    ...(isWls(home) && !session ? ['', `OPatch detects the Middleware Home as "${path}"`, ''] : []),
  ];
}

function platform(host: LabHost): string[] {
  return host.os === 'aix'
    ? ['ARU platform id: 212', 'ARU platform description:: IBM AIX on POWER Systems (64-bit)']
    : ['ARU platform id: 226', 'ARU platform description:: Linux x86-64'];
}

export function lsinventory(host: LabHost, path: string, home: LabHome, now: Date): string[] {
  const patches = [...home.patches].sort((a, b) => Date.parse(b.appliedAt) - Date.parse(a.appliedAt));
  const products = isWls(home) ? [''] : ['Installed Top-level Products (1):', '', `${home.product.padEnd(69)}${home.version}`, 'There are 1 products installed in this Oracle Home.', '', ''];
  const body = patches.length === 0
    ? ['There are no Interim patches installed in this Oracle Home.', '']
    : [`Interim patches (${patches.length}) :`, '', ...patches.flatMap((p) => [
      `Patch  ${p.id.padEnd(12)} : applied on ${unixDate(new Date(p.appliedAt))}`,
      `Unique Patch ID:  ${p.uniqueId}`,
      `Patch description:  "${p.description}"`,
      `   Created on ${createdOn(new Date(Date.parse(p.appliedAt) - 30 * 86_400_000))}`,
      '   Bugs fixed:',
      ...chunk(p.bugs, 7).map((b) => `     ${b.join(', ')}`),
      '',
    ])];
  return [
    ...header(path, home, now),
    `Lsinventory Output file location : ${path}/cfgtoollogs/opatch/lsinv/lsinventory${opatchStamp(now)}.txt`,
    '', RULE, 'Local Machine Information::', `Hostname: ${host.hostname}`, ...platform(host), '',
    ...products, ...body, '', '', RULE, '', 'OPatch succeeded.',
  ];
}

function chunk<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

const READY = ['Please shutdown Oracle instances running out of this ORACLE_HOME on the local system.'];

export function applied(path: string, home: LabHome, id: string, now: Date): string[] {
  return [
    ...header(path, home, now),
    'Verifying environment and performing prerequisite checks...', `OPatch continues with these patches:   ${id}`, '',
    'Do you want to proceed? [y|n]', 'Y (auto-answered by -silent)', 'User Responded with: Y', 'All checks passed.', '',
    ...READY, `(Oracle Home = '${path}')`, '', '', 'Is the local system ready for patching? [y|n]', 'Y (auto-answered by -silent)', 'User Responded with: Y',
    'Backing up files...', `Applying interim patch '${id}' to OH '${path}'`, '',
    `Patching component ${isWls(home) ? 'oracle.wls.core.app.server' : 'oracle.rdbms'}, ${home.version}...`,
    `Patch ${id} successfully applied.`, `Log file location: ${logFile(path, now)}`, '', 'OPatch succeeded.',
  ];
}

export function rolledBack(path: string, home: LabHome, id: string, now: Date): string[] {
  return [
    ...header(path, home, now),
    'Patches will be rolled back in the following order:', `   ${id}`, `The following patch(es) will be rolled back: ${id}`, '',
    ...READY, `(Oracle Home = '${path}')`, '', '', 'Is the local system ready for patching? [y|n]', 'Y (auto-answered by -silent)', 'User Responded with: Y', '',
    `Rolling back patch ${id}...`, '', `RollbackSession rolling back interim patch '${id}' from OH '${path}'`, '',
    `Patching component ${isWls(home) ? 'oracle.wls.core.app.server' : 'oracle.rdbms'}, ${home.version}...`,
    `RollbackSession removing interim patch '${id}' from inventory`, `Log file location: ${logFile(path, now)}`, '', 'OPatch succeeded.',
  ];
}

/** The refusal when files of the home are in use (the 12.2.0.1 wording, the only one captured). */
export function activeRefusal(path: string, home: LabHome, uses: readonly ActiveUse[], now: Date, session: 'UtilSession' | 'RollbackSession' = 'UtilSession'): string[] {
  const files = [...new Set(uses.map((u) => (u.pid ? `${u.file} PID( ${u.pid} )` : u.file)))];
  return [
    ...header(path, home, now),
    'Verifying environment and performing prerequisite checks...',
    'Prerequisite check "CheckActiveFilesAndExecutables" failed.', 'The details are:', '', '',
    'Following active executables are not used by opatch process :', ...files, '',
    'Following active executables are used by opatch process :', '',
    `${session} failed: Prerequisite check "CheckActiveFilesAndExecutables" failed.`,
    `Log file location: ${logFile(path, now)}`, 'OPatch failed with error code 73',
  ];
}

export function prereqPassed(path: string, home: LabHome, now: Date): string[] {
  return [...header(path, home, now, 'PREREQ'), 'Invoking prereq "checkconflictagainstohwithdetail"', '', 'Prereq "checkConflictAgainstOHWithDetail" passed.', '', 'OPatch succeeded.'];
}

/** Failures whose wording was not captured from a real run (kept short and plainly worded). */
export function failed(path: string, home: LabHome, now: Date, reason: string[], code: number): string[] {
  return [...header(path, home, now), ...reason, `Log file location: ${logFile(path, now)}`, '', `OPatch failed with error code ${code}`];
}
