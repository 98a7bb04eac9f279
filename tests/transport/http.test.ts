// The WebLogic REST client against a tiny node:http server on 127.0.0.1: headers on every
// request, bounded retries for GET only, typed errors for non-2xx, non-JSON and timeouts.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpConnectError, Secret, TransportTimeoutError, WeblogicHttpError, WeblogicResponseError, createWeblogicClient } from '../../src/transport/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  remotePort: number;
}

type Handler = (seen: Seen, n: number) => { status: number; body: string; delayMs?: number };

const PASSWORD = 'canary-wls-Pa55';
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
});

async function serve(handler: Handler): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), remotePort: req.socket.remotePort ?? 0 };
      seen.push(s);
      const { status, body, delayMs } = handler(s, seen.length);
      setTimeout(() => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body), delayMs ?? 0);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/management/weblogic/latest`, seen };
}

function client(base: string, extra: { retries?: number; timeoutMs?: number } = {}) {
  return createWeblogicClient({ baseUrl: base, user: 'weblogic', password: new Secret(PASSWORD), sleep: async () => undefined, ...extra });
}

describe('WebLogic REST client', () => {
  it('sends basic auth, Accept and X-Requested-By on every request, and reuses the connection', async () => {
    const { base, seen } = await serve(() => ({ status: 200, body: '{"items":[]}' }));
    const c = client(base);
    expect(await c.get('/domainRuntime/serverRuntimes')).toEqual({ items: [] });
    await c.post('edit/changeManager/startEdit', {});
    await c.delete('/edit/servers/x');
    c.close();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /management/weblogic/latest/domainRuntime/serverRuntimes',
      'POST /management/weblogic/latest/edit/changeManager/startEdit',
      'DELETE /management/weblogic/latest/edit/servers/x',
    ]);
    for (const s of seen) {
      expect(s.headers['x-requested-by']).toBe('opsctl');
      expect(s.headers.accept).toBe('application/json');
      expect(s.headers.authorization).toBe(`Basic ${Buffer.from(`weblogic:${PASSWORD}`).toString('base64')}`);
    }
    expect(seen[1]?.headers['content-type']).toBe('application/json');
    expect(new Set(seen.map((s) => s.remotePort)).size).toBe(1);
  });

  it('sends a Secret inside a POST body as its value (and only there)', async () => {
    const { base, seen } = await serve(() => ({ status: 200, body: '{}' }));
    const body = { password: new Secret('canary-ds-Pa55'), url: 'jdbc:oracle:thin:@//db:1521/x' };
    await client(base).post('edit/JDBCSystemResources/CoreDS/JDBCResource/JDBCDriverParams', body);
    expect(JSON.parse(seen[0]!.body)).toEqual({ password: 'canary-ds-Pa55', url: 'jdbc:oracle:thin:@//db:1521/x' });
    expect(JSON.stringify(body)).toBe('{"password":"[secret]","url":"jdbc:oracle:thin:@//db:1521/x"}');
  });

  it('retries a GET on 503 and then succeeds', async () => {
    const { base, seen } = await serve((_s, n) => (n < 3 ? { status: 503, body: 'busy' } : { status: 200, body: '{"state":"RUNNING"}' }));
    expect(await client(base, { retries: 2 }).get('/x')).toEqual({ state: 'RUNNING' });
    expect(seen).toHaveLength(3);
  });

  it('gives up after the bounded number of retries', async () => {
    const { base, seen } = await serve(() => ({ status: 503, body: 'busy' }));
    const e = await client(base, { retries: 2 }).get('/x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WeblogicHttpError);
    expect(e).toMatchObject({ status: 503 });
    expect(seen).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    const { base, seen } = await serve(() => ({ status: 503, body: 'busy' }));
    const e = await client(base, { retries: 5 }).post('/edit/changeManager/activate').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WeblogicHttpError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toBe('{}');
  });

  it('turns a 404 into WeblogicHttpError with status, body and url, without the password', async () => {
    const body = '{"status":404,"type":"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5","title":"FAILURE","detail":"Not Found"}';
    const { base, seen } = await serve(() => ({ status: 404, body }));
    const e = await client(base).get('/domainRuntime/serverRuntimes/nope').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WeblogicHttpError);
    expect(e).toMatchObject({ status: 404, body, url: `${base}/domainRuntime/serverRuntimes/nope`, method: 'GET' });
    expect(seen).toHaveLength(1);
    expect(JSON.stringify({ ...(e as object), message: (e as Error).message })).not.toContain(PASSWORD);
  });

  it('types a 200 that is not JSON', async () => {
    const { base } = await serve(() => ({ status: 200, body: '<html>login</html>' }));
    await expect(client(base).get('/x')).rejects.toBeInstanceOf(WeblogicResponseError);
  });

  it('times out a slow answer (TransportTimeoutError) and a refused port (HttpConnectError)', async () => {
    const { base } = await serve(() => ({ status: 200, body: '{}', delayMs: 500 }));
    await expect(client(base, { timeoutMs: 100, retries: 0 }).get('/x')).rejects.toBeInstanceOf(TransportTimeoutError);
    await expect(client('http://127.0.0.1:1/management', { retries: 0 }).get('/x')).rejects.toBeInstanceOf(HttpConnectError);
  });

  it('refuses credentials in the base URL', () => {
    expect(() => client('http://u:p@127.0.0.1:7001/')).toThrow(/must not carry credentials/);
  });
});
