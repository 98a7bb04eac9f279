/**
 * ORA- errors as the lab's Oracle raises them: a code, the message text Oracle prints, and
 * (when known) the character offset in the statement that SQL*Plus marks with `*`.
 */

export class OraError extends Error {
  constructor(
    readonly code: number,
    readonly text: string,
    readonly pos?: number,
    /** Extra lines Oracle prints after the ORA- line (e.g. ORA-27101 after ORA-01034). */
    readonly more: string[] = [],
  ) {
    super(`ORA-${String(code).padStart(5, '0')}: ${text}`);
  }

  lines(): string[] {
    return [this.message, ...this.more];
  }
}

export const ora = {
  noTable: (pos?: number) => new OraError(942, 'table or view does not exist', pos),
  invalidIdentifier: (name: string, pos?: number) => new OraError(904, `"${name}": invalid identifier`, pos),
  invalidSql: (pos?: number) => new OraError(900, 'invalid SQL statement', pos),
  notEnded: (pos?: number) => new OraError(933, 'SQL command not properly ended', pos),
  missingExpression: (pos?: number) => new OraError(936, 'missing expression', pos),
  notBound: (pos?: number) => new OraError(1008, 'not all variables bound', pos),
  invalidNumber: () => new OraError(1722, 'invalid number'),
  notAvailable: (remote: boolean) =>
    new OraError(1034, 'ORACLE not available', undefined, remote
      ? ['ORA-27101: shared memory realm does not exist', 'Linux-x86_64 Error: 2: No such file or directory']
      : ['Process ID: 0', 'Session ID: 0 Serial number: 0']),
  insufficientPrivileges: () => new OraError(1031, 'insufficient privileges'),
  readOnly: () => new OraError(16000, 'database or pluggable database open for read-only access'),
  notOpen: () => new OraError(1219, 'database or pluggable database not open: queries allowed on fixed tables or views only'),
  missingOption: (pos?: number) => new OraError(922, 'missing or invalid option', pos),
};
