/**
 * `$DOMAIN_HOME/bin/startWebLogic.sh` on a domain's admin host: starts the Administration Server
 * (the one server no ServerLifeCycleRuntime can start; operators run this script under nohup,
 * output to the server's .out file). The lab sets the admin server RUNNING, HEALTH_OK, with a new
 * activation time, and prints the script's banner and the BEA-000365 / BEA-000360 notices in the
 * stdout-log form (`<time> <Severity> <Subsystem> <BEA-id> <text>`). An admin server already
 * running cannot bind its port: the script prints BEA-002606 and exits 1, as WebLogic fails.
 */
import type { CommandHandler, ShellContext } from '../shell/types.js';
import { resolvePath } from '../shell/vfs.js';

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `<Nov 28, 2026 10:15:31 PM CST>` */
function stamp(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3_600_000);
  const h = t.getUTCHours();
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `<${MON[t.getUTCMonth()]} ${t.getUTCDate()}, ${t.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} CST>`;
}

const BANNER = [
  '***************************************************',
  '*  To start WebLogic Server, use a username and   *',
  '*  password assigned to an admin-level user.  For *',
  '*  server administration, use the WebLogic Server *',
  '*  console at http://hostname:port/console        *',
  '***************************************************',
];

function domainHomeOf(ctx: ShellContext): string {
  const typed = resolvePath(ctx.cwd, ctx.argv0 && ctx.argv0.includes('/') ? ctx.argv0 : './startWebLogic.sh');
  return typed.replace(/\/bin\/startWebLogic\.sh$/, '').replace(/\/startWebLogic\.sh$/, '');
}

export const startWebLogicCommand: CommandHandler = (_argv, ctx) => {
  const home = domainHomeOf(ctx);
  const state = ctx.store.read();
  const d = Object.values(state.domains).find((x) => x.domainHome.replace(/\/+$/, '') === home && x.adminHost === ctx.host);
  if (!d) return { stdout: '', stderr: `${ctx.argv0 ?? 'startWebLogic.sh'}: not found (no domain home ${home} with its admin server on this host)\n`, exitCode: 127 };
  const admin = d.servers[d.adminServer];
  const at = stamp(ctx.now);
  if (admin && admin.state !== 'SHUTDOWN') {
    return {
      stdout: [...BANNER, `${at} <Error> <Server> <BEA-002606> <Unable to create a server socket for listening on channel "Default". The address ${d.adminHost} might be incorrect or another process is using port ${d.adminPort}: java.net.BindException: Address already in use.>`,
        `${at} <Emergency> <Security> <BEA-090087> <Server failed to bind to the configured Admin port. The port may already be used by another process.>`, `${at} <Critical> <WebLogicServer> <BEA-000362> <Server failed. Reason: Server failed to bind to any usable port. See preceeding log message for details.>`, ''].join('\n'),
      stderr: '', exitCode: 1,
    };
  }
  ctx.store.update((s) => {
    const srv = s.domains[d.name]?.servers[d.adminServer];
    if (!srv) return;
    Object.assign(srv, { state: 'RUNNING', health: 'HEALTH_OK', restartRequired: false, activationTime: ctx.now.toISOString() });
    srv.threads = { ...srv.threads, stuck: 0, hogging: 0, idle: srv.threads.total };
  });
  return {
    stdout: ['.', '.', `JAVA Memory arguments: -Xms1024m -Xmx1024m`, '.', ...BANNER, 'starting weblogic with Java version:',
      `${at} <Notice> <WebLogicServer> <BEA-000365> <Server state changed to STARTING.>`,
      `${at} <Notice> <WebLogicServer> <BEA-000365> <Server state changed to RUNNING.>`,
      `${at} <Notice> <WebLogicServer> <BEA-000360> <The server started in RUNNING mode.>`, ''].join('\n'),
    stderr: '', exitCode: 0,
  };
};
