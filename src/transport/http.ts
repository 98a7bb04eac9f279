/**
 * The WebLogic REST management client (12.2.1+), on node:http/https with one keep-alive agent per
 * client. Every request carries basic auth, `Accept: application/json` and `X-Requested-By:
 * opsctl` (WebLogic's CSRF guard refuses POSTs — and some GETs — without it). Idempotent GETs are
 * retried a bounded number of times with exponential backoff on connection errors, timeouts and
 * 502/503/504; POST and DELETE are never retried (an edit or a lifecycle action must not run
 * twice). Non-2xx → WeblogicHttpError; a 2xx body that is not JSON → WeblogicResponseError.
 * A `Secret` inside a POST body is sent as its value (revealed only when the body is written).
 */
import http from 'node:http';
import https from 'node:https';
import { HttpConnectError, TransportTimeoutError, WeblogicHttpError, WeblogicResponseError } from './errors.js';
import { Secret } from './secrets.js';

export interface WeblogicClientOptions {
  /** e.g. `http://127.0.0.1:7001/management/weblogic/latest`; no credentials in it. */
  baseUrl: string;
  user: string;
  password: Secret;
  /** Per attempt. Default 30 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for GET. Default 2 (3 attempts in all). */
  retries?: number;
  /** First backoff; doubles per retry. Default 250 ms. */
  backoffMs?: number;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Trusted CA for https (PEM), when the domain uses its own CA. */
  ca?: string | Buffer;
}

export interface WeblogicClient {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  delete<T = unknown>(path: string): Promise<T>;
  close(): void;
}

const MAX_BODY_IN_ERROR = 2000;
const RETRY_STATUS = new Set([502, 503, 504]);

interface Raw {
  status: number;
  body: string;
}

class RetryableError extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

export function createWeblogicClient(options: WeblogicClientOptions): WeblogicClient {
  const base = new URL(options.baseUrl);
  if (base.username || base.password) throw new TypeError('baseUrl must not carry credentials; pass user and password');
  const isHttps = base.protocol === 'https:';
  const agent = isHttps ? new https.Agent({ keepAlive: true, maxSockets: 8, ...(options.ca ? { ca: options.ca } : {}) }) : new http.Agent({ keepAlive: true, maxSockets: 8 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 250;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  function urlOf(path: string): URL {
    const basePath = base.pathname.replace(/\/+$/, '');
    const rel = path.startsWith('/') ? path : `/${path}`;
    return new URL(`${basePath}${rel}`, base);
  }

  function once(method: string, url: URL, payload: string | undefined): Promise<Raw> {
    const auth = Buffer.from(`${options.user}:${options.password.reveal()}`).toString('base64');
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Requested-By': 'opsctl',
      Authorization: `Basic ${auth}`,
    };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const shown = url.toString();
    return new Promise<Raw>((resolve, reject) => {
      const req = (isHttps ? https : http).request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => reject(new RetryableError(new HttpConnectError(`${method} ${shown}: response failed: ${err.message}`, shown, { host: url.hostname, cause: err }))));
      });
      req.setTimeout(timeoutMs, () => {
        req.destroy(new TransportTimeoutError(`${method} ${shown}`, timeoutMs, { host: url.hostname }));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof TransportTimeoutError) reject(new RetryableError(err));
        else reject(new RetryableError(new HttpConnectError(`${method} ${shown}: ${err.code ?? err.message}`, shown, { host: url.hostname, cause: err })));
      });
      req.end(payload);
    });
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = urlOf(path);
    const payload = body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body, revealSecrets);
    const attempts = method === 'GET' ? retries + 1 : 1;
    let last: Error = new Error('no attempt made');
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
      let raw: Raw;
      try {
        raw = await once(method, url, payload);
      } catch (err) {
        last = err instanceof RetryableError ? err.error : (err as Error);
        continue;
      }
      if (raw.status >= 200 && raw.status < 300) return parse<T>(raw, url);
      last = new WeblogicHttpError(raw.status, raw.body.slice(0, MAX_BODY_IN_ERROR), url.toString(), method, { host: url.hostname });
      if (!RETRY_STATUS.has(raw.status)) break;
    }
    throw last;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    delete: (path) => request('DELETE', path),
    close: () => agent.destroy(),
  };
}

/**
 * JSON.stringify replacer: a `Secret` in a request body (a data source's new password) is sent
 * as its value — here, at the edge, and nowhere else; everywhere else it prints `[secret]`.
 */
function revealSecrets(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Secret ? raw.reveal() : value;
}

function parse<T>(raw: Raw, url: URL): T {
  if (raw.body.trim() === '') return {} as T;
  try {
    return JSON.parse(raw.body) as T;
  } catch (err) {
    throw new WeblogicResponseError(`${url.toString()} answered ${raw.status} with a body that is not JSON`, url.toString(), raw.body.slice(0, MAX_BODY_IN_ERROR), { host: url.hostname, cause: err });
  }
}
