/**
 * diag — diagnostics as values. Model errors carry the file, line and column of the offending
 * YAML node; environment errors (host unreachable, ORA-nnnnn) carry no source. Imports nothing.
 */

export type Severity = 'error' | 'warning';

/** A position in a file; line and column are 1-based, as editors and compilers print them. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Short stable code, e.g. `yaml-syntax`, `schema`, `reference`, `secret-literal`. */
  code: string;
  message: string;
  source?: SourcePos;
  /** The managed object concerned, when there is one. */
  address?: string;
}

export function error(code: string, message: string, source?: SourcePos, address?: string): Diagnostic {
  return { severity: 'error', code, message, ...(source ? { source } : {}), ...(address ? { address } : {}) };
}

export function warning(code: string, message: string, source?: SourcePos, address?: string): Diagnostic {
  return { severity: 'warning', code, message, ...(source ? { source } : {}), ...(address ? { address } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `FILE:LINE:COL: error: message` — the form compilers use, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}:${d.source.column}: ` : '';
  const what = d.address ? ` [${d.address}]` : '';
  return `${where}${d.severity}: ${d.message}${what}`;
}

/** Stable order: by file, line, column, then message; sourceless last. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => {
    if (!a.source || !b.source) return a.source ? -1 : b.source ? 1 : a.message.localeCompare(b.message);
    return (
      a.source.file.localeCompare(b.source.file) ||
      a.source.line - b.source.line ||
      a.source.column - b.source.column ||
      a.message.localeCompare(b.message)
    );
  });
}
