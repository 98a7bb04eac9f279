/**
 * The lab's WebLogic 12.2.1.4 REST management server for one domain, on loopback (node:http).
 * State is read fresh from the LabStore on every request. Faults: `wls-500` (target = domain)
 * answers 500; `host-down` on the admin host, or the Admin Server SHUTDOWN, resets connections.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabStore } from '../state/store.js';
import { configTree } from './config-tree.js';
import { runtimeTree } from './runtime-tree.js';
import { domainOf, editView, hasFault } from './session.js';
import { checkAuth, readJson, sendCsrfRefusal, sendFailure, sendJson, sendUnauthorized } from './rest-http.js';
import type { RestContext } from './rest-http.js';
import { handlePost } from './rest-post.js';
import { render, walk } from './tree.js';
import type { Bean } from './tree.js';

export interface WeblogicRestOptions {
  domain: string;
  store: LabStore;
  /** 0 or absent = ephemeral. */
  port?: number;
  user: string;
  password: string;
  now?: () => Date;
}


const VERSIONS = new Set(['latest', '12.2.1.4.0']);

function list(v: string | null): string[] | undefined {
  return v === null ? undefined : v.split(',').filter(Boolean);
}

function treeRoot(c: RestContext, tree: string): Bean | undefined {
  const d = domainOf(c.store.read(), c.domain);
  if (tree === 'domainRuntime') return runtimeTree(d, c.now());
  if (tree === 'domainConfig' || tree === 'serverConfig') return configTree(d);
  if (tree === 'edit') return configTree(editView(d));
  return undefined;
}

function handleGet(c: RestContext, req: IncomingMessage, res: ServerResponse, url: URL, segs: string[]): void {
  const [tree, ...rest] = segs;
  if (!tree) return sendJson(res, 200, { version: '12.2.1.4.0', isLatest: true, lifecycle: 'active', links: [] });
  if (tree === 'edit' && rest.join('/') === 'changeManager') {
    const e = domainOf(c.store.read(), c.domain).edit;
    return sendJson(res, 200, e.lockedBy ? { locked: true, lockOwner: e.lockedBy, hasChanges: e.pending.length > 0, mergeNeeded: false, editSession: 'default' } : { locked: false, mergeNeeded: false, editSession: 'default' });
  }
  if (tree === 'domainRuntime' && rest.join('/') === 'serverRuntimes' && !req.headers['x-requested-by']) {
    const d = domainOf(c.store.read(), c.domain);
    const managedUp = Object.values(d.servers).some((s) => s.name !== d.adminServer && s.state === 'RUNNING');
    if (managedUp) return sendFailure(res, 400, 'Bad Request');
  }
  const root = treeRoot(c, tree);
  const node = root && walk(root, rest);
  if (!node) return sendFailure(res, 404, `'${segs.at(-1)}' was not found.`);
  const links = url.searchParams.get('links');
  const href = `${c.base}/${segs.map(encodeURIComponent).join('/')}`;
  sendJson(res, 200, render(node, { href, fields: list(url.searchParams.get('fields')), excludeFields: list(url.searchParams.get('excludeFields')), links: links !== 'none' }));
}

async function handle(o: WeblogicRestOptions, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const url = new URL(req.url ?? '/', base);
  const user = checkAuth(req, o.user, o.password);
  if (!user) return sendUnauthorized(res);
  const method = req.method ?? 'GET';
  if ((method === 'POST' || method === 'DELETE') && !req.headers['x-requested-by']) return sendCsrfRefusal(res);
  if (hasFault(o.store.read(), 'wls-500', o.domain)) return sendFailure(res, 500, 'Internal Server Error');
  const segs = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (segs[0] !== 'management' || segs[1] !== 'weblogic') return sendFailure(res, 404, `'${url.pathname}' was not found.`);
  if (segs.length === 2) return sendJson(res, 200, { items: [{ version: '12.2.1.4.0', isLatest: true, lifecycle: 'active' }] });
  if (!VERSIONS.has(segs[2]!)) return sendFailure(res, 404, `'${segs[2]}' was not found.`);
  const c: RestContext = {
    store: o.store, domain: o.domain, user, base: `${base}/management/weblogic/${segs[2]}`, now: o.now ?? (() => new Date()),
    configRoot: () => configTree(editView(domainOf(o.store.read(), o.domain))),
  };
  if (method === 'GET') return handleGet(c, req, res, url, segs.slice(3));
  if (method !== 'POST' && method !== 'DELETE') return sendFailure(res, 405, 'Method Not Allowed');
  const body = await readJson(req);
  if (!body.ok) return sendFailure(res, 400, 'Bad Request');
  handlePost(c, res, method, segs.slice(3), body.value);
}

function unreachable(o: WeblogicRestOptions): boolean {
  const s = o.store.read();
  const d = s.domains[o.domain];
  if (!d) return true;
  return hasFault(s, 'host-down', d.adminHost) || d.servers[d.adminServer]?.state === 'SHUTDOWN';
}

/** Starts the REST server on 127.0.0.1; resolves with its port and a close function. */
export function startWeblogicRest(o: WeblogicRestOptions): Promise<{ port: number; close(): Promise<void> }> {
  domainOf(o.store.read(), o.domain);
  let base = '';
  const server = createServer((req, res) => {
    handle(o, req, res, base).catch((e: unknown) => {
      if (!res.headersSent) sendFailure(res, 500, e instanceof Error ? e.message : String(e));
      else res.destroy();
    });
  });
  server.on('connection', (sock) => {
    if (unreachable(o)) sock.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      base = `http://127.0.0.1:${port}`;
      resolve({
        port,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
