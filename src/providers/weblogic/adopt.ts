/**
 * Adopting live values as desired (`discover --write`): YamlEdits into the environment's
 * WeblogicDomain document, e.g. ['dataSources', {key:'name', value:'CoreDS'}, 'maxCapacity'].
 * Derived attributes map back to their YAML: heapMinMb → heap.minMb; the JDBC url, run state and
 * sha256 are not adopted (url derives from the database; state is not configuration).
 */
import { valuesEqual, type DesiredResource, type LiveRead } from '../../core/index.js';
import { parseAddress } from '../../model/address.js';
import type { YamlEdit } from '../provider.js';

const LIST: Record<string, string> = { server: 'servers', datasource: 'dataSources', 'work-manager': 'workManagers', deployment: 'deployments', cluster: 'clusters', machine: 'machines' };
const NOT_ADOPTED = new Set(['url', 'state', 'sha256']);

function yamlPath(kind: string, name: string, attribute: string): YamlEdit['path'] | undefined {
  if (kind === 'log-rotation') return ['logRotation', attribute];
  const list = LIST[kind];
  if (!list) return undefined;
  const item = { key: 'name', value: name };
  if (attribute === 'heapMinMb') return [list, item, 'heap', 'minMb'];
  if (attribute === 'heapMaxMb') return [list, item, 'heap', 'maxMb'];
  if (kind === 'deployment' && attribute === 'sourcePath') return [list, item, 'artifact', 'path'];
  if (kind === 'machine' && attribute === 'nodeManagerPort') return [list, item, 'nodeManager', 'port'];
  if (kind === 'machine' && attribute === 'nodeManagerType') return [list, item, 'nodeManager', 'type'];
  return [list, item, attribute];
}

export function adoptEdits(env: string, read: LiveRead, desired: DesiredResource | undefined): YamlEdit[] {
  if (read.status !== 'present' || !read.attributes) return [];
  const p = parseAddress(read.address);
  if ('error' in p || p.segments[0]?.kind !== 'weblogic' || !p.segments[1]) return [];
  const domain = p.segments[0].name;
  const { kind, name } = p.segments[1];
  const names = desired ? Object.keys(desired.attributes) : Object.keys(read.attributes);
  const edits: YamlEdit[] = [];
  for (const attribute of names) {
    if (NOT_ADOPTED.has(attribute)) continue;
    const value = read.attributes[attribute];
    if (value === undefined || (desired && valuesEqual(desired.attributes[attribute], value))) continue;
    const path = yamlPath(kind, name, attribute);
    if (path) edits.push({ env, kind: 'WeblogicDomain', name: domain, path, value });
  }
  return edits;
}
