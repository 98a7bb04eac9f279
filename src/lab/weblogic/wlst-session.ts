/**
 * The WLST builtins of the opsctl dialect, bound to one script run: connect, trees (cd/ls/get/
 * set/cmo, cmo.testPool() of a data-source runtime), the edit session, lifecycle and
 * deployment. WLST paths are the 10.3.6 MBean paths
 * (`/JDBCSystemResources/DS/JDBCResource/DS/JDBCConnectionPoolParams/DS`), mapped onto the same
 * bean trees the REST server serves.
 */
import type { ShellContext } from '../shell/types.js';
import type { LabDomain } from '../state/types.js';
import { configTree } from './config-tree.js';
import { runtimeTree } from './runtime-tree.js';
import { testPool } from './datasource.js';
import { activate, cancelEdit, domainOf, editView, recordChange, startEdit } from './session.js';
import { deployment, lifecycle } from './ops.js';
import type { DeployOp } from './ops.js';
import type { Bean, Collection } from './tree.js';
import { PyError, PyFn, PyObj, str } from './wlst-eval.js';
import type { Val } from './wlst-eval.js';
import { wlstValue } from './wlst-values.js';

const cap = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);
type Tree = 'serverConfig' | 'domainConfig' | 'edit' | 'domainRuntime';

export class WlstSession {
  domain: string | null = null;
  user = '';
  tree: Tree = 'serverConfig';
  cwd: string[] = [];
  out: string[] = [];
  constructor(private ctx: ShellContext, readonly checkPassword: (domain: string, password: string) => boolean) {}

  private dom(): LabDomain {
    if (!this.domain) throw new PyError('WLSTException', 'You will need to be connected to a running server to execute this command');
    return domainOf(this.ctx.store.read(), this.domain);
  }
  print(s: string): void { this.out.push(s); }

  private root(): Bean {
    const d = this.dom();
    if (this.tree === 'domainRuntime') return runtimeTree(d, this.ctx.now);
    return configTree(this.tree === 'edit' ? editView(d) : d);
  }

  /** Resolves WLST segments to a node; singleton children appear as one-item directories. */
  private resolve(segs: string[]): { node: Bean | Collection; rest: string[] } {
    let node: Bean | Collection = this.root();
    const rest: string[] = [];
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i]!;
      if (node.kind === 'collection') {
        const item: Bean | undefined = node.items[seg];
        if (!item) throw new PyError('WLSTException', `Error cding to the MBean: no MBean named ${seg}`);
        node = item;
        if (!rest.length || rest.at(-1) !== '*') rest.push(seg);
        continue;
      }
      const key: string | undefined = Object.keys(node.children).find((k) => cap(k) === seg);
      if (!key) throw new PyError('WLSTException', `Error cding to the MBean: no child ${seg}`);
      const child: Bean | Collection = node.children[key]!;
      rest.push(key);
      node = child.kind === 'bean' ? { kind: 'collection', items: { [String(child.props.name)]: child } } : child;
      if (child.kind === 'bean') rest.push('*');
    }
    return { node, rest: rest.filter((s) => s !== '*') };
  }

  private here(): Bean {
    const { node } = this.resolve(this.cwd);
    if (node.kind !== 'bean') throw new PyError('WLSTException', `No attributes at ${this.pwd()}: it is a directory of MBeans`);
    return node;
  }
  pwd(): string { return `${this.tree}:/${this.cwd.join('/')}`; }

  cd(path: string): void {
    let segs = path.startsWith('/') ? [] : [...this.cwd];
    for (const p of path.split('/').filter(Boolean)) segs = p === '..' ? segs.slice(0, -1) : p === '.' ? segs : [...segs, p];
    this.resolve(segs);
    this.cwd = segs;
  }

  ls(): void {
    const { node } = this.resolve(this.cwd);
    if (node.kind === 'collection') { for (const n of Object.keys(node.items)) this.print(`dr--   ${n}`); return; }
    for (const k of Object.keys(node.children)) this.print(`dr--   ${cap(k)}`);
    for (const [k, v] of Object.entries(node.props)) if (k !== 'identity') this.print(`-r--   ${cap(k).padEnd(40)} ${str(wlstValue(v))}`);
  }

  get(attr: string): Val {
    const props = this.here().props;
    const key = Object.keys(props).find((k) => k !== 'identity' && cap(k) === attr);
    if (!key) throw new PyError('WLSTException', `Error getting attribute ${attr}: no such attribute on ${this.pwd()}`);
    return wlstValue(props[key]);
  }

  set(attr: string, value: Val): void {
    if (this.tree !== 'edit') throw new PyError('WLSTException', `Cannot set the attribute ${attr}: ${this.tree} is a read-only tree; use edit()`);
    const b = this.here();
    const key = Object.keys(b.props).find((k) => cap(k) === attr) ?? b.writeOnly?.find((k) => cap(k) === attr);
    if (!b.editPath || !key) throw new PyError('WLSTException', `Error setting attribute ${attr} on ${this.pwd()}: not an editable attribute in the lab`);
    const v = typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' || value === null ? value : Array.isArray(value) ? value.map((x) => (typeof x === 'object' ? str(x) : x)) : str(value);
    const r = recordChange(this.ctx.store, this.domain!, this.user, b.editPath, key, v as never);
    if (r === 'no-session') throw new PyError('WLSTException', 'You need to start an edit session with startEdit() before making changes');
    if (!r.ok) throw new PyError('WLSTException', `Error setting attribute ${attr}: ${r.error}`);
  }

  cmo(): PyObj {
    return new PyObj(`${this.tree}MBean`, (name) => {
      if (name === 'testPool') return new PyFn(name, () => this.testPool());
      const m = /^(get|is|set)([A-Z]\w*)$/.exec(name);
      if (!m) return undefined;
      if (m[1] === 'set') return new PyFn(name, (a) => { this.set(m[2]!, a[0] ?? null); return null; });
      return new PyFn(name, () => this.get(m[2]!));
    });
  }

  /** cmo.testPool() on /ServerRuntimes/S/JDBCServiceRuntime/S/JDBCDataSourceRuntimeMBeans/DS: None, or the error. */
  testPool(): Val {
    const b = this.here();
    if (this.tree !== 'domainRuntime' || b.type !== 'JDBCDataSourceRuntime') throw new PyError('AttributeError', `testPool: not a JDBCDataSourceRuntime at ${this.pwd()}`);
    const t = testPool(this.ctx.store, this.dom().name, this.cwd[1] ?? '', String(b.props.name));
    if (!t.found) throw new PyError('WLSTException', `No JDBCDataSourceRuntime ${String(b.props.name)} on ${this.cwd[1] ?? ''}`);
    return t.error;
  }

  startEdit(): void {
    const r = startEdit(this.ctx.store, this.dom().name, this.user);
    if (!r.ok) throw new PyError('WLSTException', `Edit lock is held by another user: ${r.error}`);
    this.print('Starting an edit session ...\nStarted edit session, please be sure to save and activate your \nchanges once you are done.');
  }

  activate(): void {
    const d = this.dom();
    this.print('Activating all your changes, this may take a while ... \nThe edit lock associated with this edit session is released \nonce the activation is completed.');
    const r = activate(this.ctx.store, d.name, this.user, this.ctx.now);
    if (!r.ok) throw new PyError('WLSTException', `Error occured while performing activate : ${r.error}`);
    if (r.value.task.error) throw new PyError('WLSTException', `Error occured while performing activate : Error while Activating changes. : ${r.value.task.error}`);
    if (r.value.restartNeeded.length) {
      this.print('The following non-dynamic attribute(s) have been changed on MBeans \nthat require server re-start:');
      for (const x of r.value.restartNeeded) this.print(`MBean Changed : com.bea:Name=${x.path.split('/')[1]},Type=${x.path.split('/').at(-1)}\nAttributes changed : ${x.attributes.map(cap).join(', ')}`);
    }
    this.print('Activation completed');
  }

  cancelEdit(): void {
    const r = cancelEdit(this.ctx.store, this.dom().name, this.user);
    if (!r.ok) throw new PyError('WLSTException', `Error occured while performing cancelEdit : ${r.error}`);
    this.print('Cancelling the edit session ...\nEdit session has been cancelled successfully');
  }

  isRestartRequired(): boolean {
    return this.dom().edit.pending.length > 0 || Object.values(this.dom().servers).some((s) => s.restartRequired);
  }

  lifecycle(name: string, op: 'start' | 'shutdown' | 'forceShutdown'): void {
    const d = this.dom();
    this.print(op === 'start' ? `Starting server ${name} ...` : `Shutting down the server ${name} with force=${op === 'forceShutdown'} while connected to ${d.adminServer} ...`);
    const t = lifecycle(this.ctx.store, d.name, name, op, this.ctx.now);
    if (!t) throw new PyError('WLSTException', `No server named ${name} exists in the domain`);
    if (t.error) throw new PyError('WLSTException', `Error ${op === 'start' ? 'starting' : 'shutting down'} server ${name}: ${t.error}`);
    this.print(op === 'start' ? `Server with name ${name} started successfully` : `Server ${name} has been shut down successfully`);
  }

  state(name: string): void {
    const s = this.dom().servers[name];
    if (!s) throw new PyError('WLSTException', `No server named ${name} exists in the domain`);
    this.print(`Current state of '${name}' : ${s.state}`);
  }

  deploy(op: DeployOp, name: string, req: { sourcePath?: string; targets?: string[]; version?: string }): void {
    const d = this.dom();
    this.print(op === 'deploy' ? `Deploying application from ${req.sourcePath} to targets ${(req.targets ?? []).join(',')} (upload=false) ...` : `${cap(op)}ing application ${name} ...`);
    const t = deployment(this.ctx.store, d.name, op, { name, ...req }, this.ctx.now);
    if (t.error) throw new PyError('WLSTException', `Error occured while performing ${op} : ${t.error}`);
    this.print(`Completed the ${op} of Application with status completed\nCurrent Status of your Deployment:\nDeployment command type: ${op}\nDeployment State : completed\nDeployment Message : no message`);
  }
}
