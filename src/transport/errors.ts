/**
 * Operational errors, classified once at the transport edge. Callers branch on the class (or on
 * `name`, which survives serialisation), never on message text. Every error keeps the library's
 * original error as `cause` and names the host, command or URL it concerns in fields. No error
 * message ever holds a resolved secret: messages are built from references, hosts and commands.
 */

export interface TransportErrorOptions {
  cause?: unknown;
  /** Inventory name of the host (or the URL's host for HTTP). */
  host?: string;
}

/** Base class: every error made by src/transport/ is one of these. */
export class TransportError extends Error {
  readonly host: string | undefined;
  constructor(message: string, options: TransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.host = options.host;
  }
}

/** A value could not be quoted for a remote shell or as an identifier (NUL byte, bad name). */
export class QuotingError extends TransportError {}

/** A secret reference could not be resolved (unset variable, missing or unprotected file). */
export class SecretUnavailableError extends TransportError {
  constructor(
    message: string,
    readonly ref: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

export type SshConnectReason = 'refused' | 'unreachable' | 'timeout' | 'closed' | 'protocol';

/** The SSH connection could not be made or was lost (refused, unreachable, timeout, dropped). */
export class SshConnectError extends TransportError {
  constructor(
    message: string,
    readonly reason: SshConnectReason,
    readonly address: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** The server refused every authentication method offered. */
export class SshAuthError extends TransportError {
  constructor(
    message: string,
    readonly user: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** The host presented a key and the inventory pins none: refused (pin it from ssh-keyscan). */
export class HostKeyUnknownError extends TransportError {
  constructor(
    readonly presented: string,
    options: TransportErrorOptions = {},
  ) {
    super(`host key of ${options.host ?? '?'} is not pinned in the inventory (presented ${presented}); refused`, options);
  }
}

/** The host presented a key other than the pinned one: refused. */
export class HostKeyMismatchError extends TransportError {
  constructor(
    readonly expected: string,
    readonly presented: string,
    options: TransportErrorOptions = {},
  ) {
    super(`host key of ${options.host ?? '?'} changed: expected ${expected}, presented ${presented}; refused`, options);
  }
}

/** An SSH channel (exec or SFTP) could not be opened on a live connection. */
export class SshChannelError extends TransportError {}

/** A remote command ran past its timeout; its channel was signalled and closed. */
export class CommandTimeoutError extends TransportError {
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
    options: TransportErrorOptions = {},
  ) {
    super(`command on ${options.host ?? '?'} timed out after ${timeoutMs} ms: ${command.slice(0, 200)}`, options);
  }
}

/** A remote command exited non-zero where the caller required success (`execOk`). */
export class RemoteCommandError extends TransportError {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    options: TransportErrorOptions = {},
  ) {
    const tail = stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
    super(`command on ${options.host ?? '?'} exited ${exitCode ?? 'by signal'}: ${command.slice(0, 200)}${tail ? ` — ${tail}` : ''}`, options);
  }
}

/** SFTP failed (no such file, permission denied, …). */
export class SftpError extends TransportError {
  constructor(
    message: string,
    readonly path: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A WebLogic REST call answered non-2xx. `body` is trimmed to a few KB. */
export class WeblogicHttpError extends TransportError {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly url: string,
    readonly method: string,
    options: TransportErrorOptions = {},
  ) {
    super(`${method} ${url} → HTTP ${status}${body ? `: ${body.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`, options);
  }
}

/** A WebLogic REST call answered 2xx with a body that is not the JSON it should be. */
export class WeblogicResponseError extends TransportError {
  constructor(
    message: string,
    readonly url: string,
    readonly body: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** An HTTP connection could not be made (refused, reset, DNS). */
export class HttpConnectError extends TransportError {
  constructor(
    message: string,
    readonly url: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A request (HTTP or other non-command transport call) ran past its timeout. */
export class TransportTimeoutError extends TransportError {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    options: TransportErrorOptions = {},
  ) {
    super(`${what} timed out after ${timeoutMs} ms`, options);
  }
}

/** An Oracle error, `code` as `ORA-00942`; from node-oracledb or from sqlplus output. */
export class OracleError extends TransportError {
  constructor(
    readonly code: string,
    message: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

const ORA_LINE = /\b(ORA-\d{5}):?\s*([^\r\n]*)/;

/** The first `ORA-nnnnn` in sqlplus (or alert log) output as an OracleError; undefined if none. */
export function parseOraError(text: string, options: TransportErrorOptions = {}): OracleError | undefined {
  const m = ORA_LINE.exec(text);
  if (!m) return undefined;
  const code = m[1] as string;
  const rest = (m[2] ?? '').trim();
  return new OracleError(code, rest ? `${code}: ${rest}` : code, options);
}
