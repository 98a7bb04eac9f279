/**
 * Network listings: AIX `netstat -an` / `-in`, Linux `ss -ltn`. Listening ports are derived
 * from the lab state: sshd, running WebLogic servers, node managers, open Oracle listeners.
 */
import type { LabState } from '../../state/types.js';
import type { CommandHandler } from '../types.js';
import { ok } from '../types.js';
import { getopts, host, lj, rj, state } from './util.js';
import { hashNum } from './readings.js';

export function listeningPorts(s: LabState, hostName: string): number[] {
  const ports = new Set<number>([22]);
  for (const d of Object.values(s.domains)) {
    for (const srv of Object.values(d.servers)) if (srv.host === hostName && srv.state === 'RUNNING') ports.add(srv.listenPort);
    for (const m of d.machines) if (m.host === hostName) ports.add(m.nodeManagerPort);
  }
  for (const db of Object.values(s.databases)) {
    if (db.listenerUp && db.instances.some((i) => i.host === hostName)) ports.add(db.listenerPort);
  }
  return [...ports].sort((a, b) => a - b);
}

export const netstat: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1));
  const h = host(ctx);
  if (flags.has('i')) {
    const pk = 1_000_000 + hashNum(h.name, 9_000_000);
    const row = (n: string, mtu: number, net: string, addr: string, ip: number, op: number): string =>
      `${lj(n, 6)}${lj(mtu, 6)}${lj(net, 12)}${lj(addr, 17)}${rj(ip, 10)}${rj(0, 6)}${rj(op, 9)}${rj(0, 6)}${rj(0, 6)}`;
    const ip = `10.13.${hashNum(h.name, 200) + 1}.${hashNum(`${h.name}x`, 250) + 2}`;
    return ok([
      'Name  Mtu   Network     Address            Ipkts Ierrs    Opkts Oerrs  Coll',
      row('en0', 1500, 'link#2', '0.21.5e.a1.2.3', pk, Math.round(pk / 3)),
      row('en0', 1500, ip.split('.').slice(0, 3).join('.'), ip, pk, Math.round(pk / 3)),
      row('lo0', 16896, 'link#1', '', 12345, 12345),
      row('lo0', 16896, '127', '127.0.0.1', 12345, 12345),
    ].join('\n') + '\n');
  }
  const ports = listeningPorts(state(ctx), ctx.host);
  let out = 'Active Internet connections (including servers)\nProto Recv-Q Send-Q  Local Address          Foreign Address        (state)\n';
  for (const p of ports) out += `${lj('tcp4', 7)}${rj(0, 6)}${rj(0, 7)}  ${lj(`*.${p}`, 23)}${lj('*.*', 23)}LISTEN\n`;
  return ok(out);
};

export const ss: CommandHandler = (_argv, ctx) => {
  const ports = listeningPorts(state(ctx), ctx.host);
  let out = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n';
  for (const p of ports) out += `LISTEN 0      128    ${rj('0.0.0.0', 13)}:${lj(p, 5)}${rj('0.0.0.0', 12)}:*\n`;
  return ok(out);
};
