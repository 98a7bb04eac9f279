/**
 * How host attributes take effect when they change — data, read by core.buildPlan.
 *
 * - tunable `value`: AIX `no`/`vmo`/`ioo` set with `-p` (now and in /etc/tunables/nextboot),
 *   sys0 with `chdev` (maxuproc, ncargs apply at once), Linux `sysctl -w` plus the persist file:
 *   all live and reversible. Exception: tunables `no -L`/`vmo -L`/`ioo -L` list with type R
 *   (reboot) or B (bosboot + reboot). The lab's `-L` prints every tunable as D, so the provider
 *   does not ask it; it declares the usual R/B tunables of AIX 7.1–7.3 below (IBM "no/vmo/ioo
 *   command" pages) and sets them with `-r` (next boot only); their reads carry a host-restart
 *   rule (LiveRead.rules) and their desired resources a host restart group.
 * - file `sha256` (content), `mode`, `owner`, `group`: live; a file whose profile entry has
 *   `notifies` gets a server-restart rule for its content (read.ts), rolled per cluster.
 * - cron: live; marked entries (`# opsctl: NAME`) not in desired state are pruned — the marker
 *   says opsctl owns them — and a delete is reversible from the live line.
 */
import type { AttributeRule, TypeRule } from '../../core/index.js';
import type { TunableTable } from './profiles.js';

export const liveRule = (seconds: number): AttributeRule => ({ effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: seconds });

/** A tunable that takes effect at the next boot: the host must reboot (an outage of that host). */
export const REBOOT_RULE: AttributeRule = { effect: 'restart', restartScope: 'host', disruption: 'outage', reversible: true, estimatedSeconds: 5 };

/** A managed file some WebLogic server reads at start (`notifies`): rolling server restart. */
export const NOTIFY_RULE: AttributeRule = { effect: 'restart', restartScope: 'server', disruption: 'none', reversible: true, estimatedSeconds: 10 };

/** AIX tunables of type R (reboot) or B (bosboot + reboot) in `-L` output. */
export const REBOOT_TUNABLES: Readonly<Record<TunableTable, ReadonlySet<string>>> = {
  no: new Set(['arptab_bsiz', 'arptab_nb', 'inet_stack_size', 'ipqmaxlen', 'lo_perf', 'ndogthreads', 'net_malloc_frag_mask', 'netm_page_promote', 'rfc1122addrchk', 'tcp_inpcb_hashtab_siz', 'udp_inpcb_hashtab_siz', 'use_sndbufpool']),
  vmo: new Set(['kernel_heap_psize', 'memory_affinity', 'vmm_mpsize_support', 'vmm_default_pspa', 'enhanced_affinity_vmpool_limit', 'num_locks_per_semid', 'pinnable_frames']),
  ioo: new Set(['pv_min_pbuf_boot']),
  sys0: new Set(),
  sysctl: new Set(),
};

export function needsReboot(table: TunableTable, name: string): boolean {
  return REBOOT_TUNABLES[table].has(name);
}

export const TUNABLE_RULES: TypeRule = { defaultAttribute: liveRule(5), attributes: { value: liveRule(5) } };

export const FILE_RULES: TypeRule = {
  createSeconds: 15,
  attributes: { sha256: liveRule(15), mode: liveRule(5), owner: liveRule(5), group: liveRule(5) },
};

export const CRON_RULES: TypeRule = {
  prune: true,
  deleteReversible: true,
  createSeconds: 5,
  deleteSeconds: 5,
  attributes: { user: liveRule(5), schedule: liveRule(5), command: liveRule(5) },
};

export const HOST_TYPES: Record<string, TypeRule> = { tunable: TUNABLE_RULES, file: FILE_RULES, cron: CRON_RULES };
