// Counts the exec channel requests an SSH pool really sends: a connect function for
// SshPoolOptions.connect that opens a real ssh2 connection (defaultSshConnect) and records every
// `exec` asked of it, per connection (the pool keeps one connection per host).
import { defaultSshConnect, type SshConnectFn } from '../../../src/transport/index.js';

export interface ExecCounter {
  connect: SshConnectFn;
  /** Per connection opened, in order: the exec requests sent on it. */
  connections: string[][];
  total(): number;
}

export function execCounter(): ExecCounter {
  const connections: string[][] = [];
  const connect: SshConnectFn = async (config) => {
    const client = await defaultSshConnect(config);
    const execs: string[] = [];
    connections.push(execs);
    const exec = client.exec.bind(client) as unknown as (command: string, ...rest: unknown[]) => unknown;
    (client as unknown as { exec: typeof exec }).exec = (command, ...rest) => {
      execs.push(command);
      return exec(command, ...rest);
    };
    return client;
  };
  return { connect, connections, total: () => connections.reduce((n, xs) => n + xs.length, 0) };
}
