/**
 * The read-only Linux host checks of bench (d), run by both sides: opsctl (peer-child.ts, as the
 * sections of one batched exec per host through the host provider's runSections and
 * createConnections' pinned SSH pool) and Ansible (bench/ansible/host-checks-tasks.yml, the same
 * commands as `command` tasks). Keep the two lists equal.
 */
export const HOST_CHECKS: readonly (readonly string[])[] = [
  ['sysctl', 'vm.swappiness', 'net.core.somaxconn', 'net.ipv4.tcp_keepalive_time', 'kernel.shmmax', 'fs.file-max', 'kernel.sem', 'net.ipv4.ip_local_port_range'],
  ['df', '-Pk'],
  ['cat', '/proc/meminfo'],
  ['cat', '/proc/loadavg'],
  ['ps', '-ef'],
];
