/**
 * The variables a managed-file template sees. One function, used by the lab (to render a reset
 * host's files) and by the host provider (to render desired content), so both agree byte for byte.
 * Pure: no I/O.
 */
import type { Host, ManagedFile } from '../model/index.js';

export interface TemplateVars extends Record<string, unknown> {
  /** The file's own `vars`, also spread at the top level (so `<%= maxThreads %>` works). */
  vars: Record<string, unknown>;
  host: { name: string; address: string; os: string; osVersion: string; roles: string[]; zone: string; tags: Record<string, string> };
  environment: string;
  file: { path: string; mode: string; owner: string; group: string };
}

export function templateVarsFor(environment: string, host: Host, file: ManagedFile): TemplateVars {
  const vars = { ...(file.vars ?? {}) };
  return {
    ...vars,
    vars,
    host: {
      name: host.name,
      address: host.address,
      os: host.os,
      osVersion: host.osVersion ?? '',
      roles: [...host.roles],
      zone: host.zone,
      tags: { ...(host.tags ?? {}) },
    },
    environment,
    file: { path: file.path, mode: file.mode, owner: file.owner, group: file.group },
  };
}
