/**
 * `opsctl incident new --env E --title T --severity P1..P4 --detected-by WHO [--occurred ISO]
 *  [--affected A,..] [--tags t,..] [--description TEXT] [--owner NAME] [--commit]`
 * `opsctl incident close ID --cause TEXT --resolution TEXT --prevention TEXT [--resolved ISO] [--commit]`
 * `opsctl incident report ID [--submit] [--commit]`: (re)writes the 《故障处理报告》; --submit records it as submitted now
 * `opsctl incident list [--env E]`: every incident with its report deadline status.
 * Records: reports/<env>/incidents/<id>.json (+ .md, .html). Times default to --now.
 */
import type { Command } from 'commander';
import type { Incident } from '../../incident/index.js';
import type * as IncidentModule from '../../incident/index.js';
import { contextOf } from '../context.js';

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
const list = (s: string | undefined): string[] => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

type Mod = typeof IncidentModule;

async function save(cmd: Command, i: Incident, commit: boolean | undefined, subject: string, json?: boolean): Promise<void> {
  const ctx = contextOf(cmd);
  const [{ loadRepository }, mod, git] = await Promise.all([import('../../load/index.js'), import('../../incident/index.js'), import('../../git/index.js')]);
  const { model } = loadRepository(ctx.root);
  const files = mod.saveIncident(ctx.root, model, i, ctx.now);
  const deadline = mod.deadlineFor(model, i, ctx.now);
  const hash = commit ? await git.commitFiles(ctx.root, files, subject, { 'Opsctl-Command': 'incident', 'Opsctl-Env': i.env, 'Opsctl-Incident': i.id }) : undefined;
  if (json) return out(JSON.stringify({ files, deadline, incident: i, ...(hash ? { commit: hash } : {}) }, null, 2));
  out(`${i.id} ${i.status}: ${i.title}`);
  out(`report due: ${mod.deadlineText(deadline, 'zh')}`);
  for (const f of files) out(`wrote ${f}`);
  if (hash) out(`committed ${hash.slice(0, 12)}`);
  if (deadline.status === 'overdue' || deadline.status === 'submitted-late') process.exitCode = 2;
}

interface NewOpts { env?: string; title?: string; severity?: string; detectedBy?: string; occurred?: string; detected?: string; affected?: string; tags?: string; description?: string; owner?: string; runbooks?: string; commit?: boolean; json?: boolean }

async function create(o: NewOpts, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (!o.env || !o.title || !o.severity || !o.detectedBy) throw new Error('incident new needs --env, --title, --severity P1..P4 and --detected-by');
  if (!['P1', 'P2', 'P3', 'P4'].includes(o.severity)) throw new Error(`--severity must be P1..P4, got ${o.severity}`);
  const mod: Mod = await import('../../incident/index.js');
  const occurredAt = o.occurred ? new Date(o.occurred).toISOString() : ctx.now.toISOString();
  const i = mod.newIncident({
    id: mod.nextIncidentId(ctx.root, o.env, occurredAt), env: o.env, title: o.title, occurredAt, ...(o.detected ? { detectedAt: new Date(o.detected).toISOString() } : {}),
    detectedBy: o.detectedBy, severity: o.severity as 'P1', affected: list(o.affected), tags: list(o.tags), runbooks: list(o.runbooks),
    ...(o.description ? { description: o.description } : {}), ...(o.owner ? { owner: o.owner } : {}),
  });
  await save(cmd, i, o.commit, `incident ${i.env} ${i.id} opened: ${i.severity} ${i.title}`, o.json);
}

async function close(id: string, o: { cause?: string; resolution?: string; prevention?: string; resolved?: string; commit?: boolean; json?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (!o.cause || !o.resolution || !o.prevention) throw new Error('incident close needs --cause, --resolution and --prevention (原因, 解决办法, 预防措施)');
  const mod: Mod = await import('../../incident/index.js');
  const i = mod.closeIncident(mod.findIncident(ctx.root, id), { cause: o.cause, resolution: o.resolution, prevention: o.prevention, resolvedAt: o.resolved ? new Date(o.resolved).toISOString() : ctx.now.toISOString() });
  await save(cmd, i, o.commit, `incident ${i.env} ${i.id} resolved`, o.json);
}

async function report(id: string, o: { submit?: boolean; commit?: boolean; json?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const mod: Mod = await import('../../incident/index.js');
  const found = mod.findIncident(ctx.root, id);
  const i = o.submit ? mod.submitReport(found, ctx.now.toISOString()) : found;
  await save(cmd, i, o.commit, `incident ${i.env} ${i.id} report${o.submit ? ' submitted' : ''}`, o.json);
}

async function listAll(o: { env?: string; json?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const [{ loadRepository }, mod] = await Promise.all([import('../../load/index.js'), import('../../incident/index.js')]);
  const { model } = loadRepository(ctx.root);
  const rows = mod.listIncidents(ctx.root, o.env).map((i) => ({ incident: i, deadline: mod.deadlineFor(model, i, ctx.now) }));
  if (o.json) return out(JSON.stringify(rows, null, 2));
  for (const { incident: i, deadline } of rows) out(`${i.id} ${i.env} ${i.severity} ${i.status.padEnd(8)} ${i.title} — ${mod.deadlineText(deadline, 'zh')}`);
  if (rows.some((r) => r.deadline.status === 'overdue')) process.exitCode = 2;
}

export function registerIncident(program: Command): void {
  const inc = program.command('incident').description('incident records and their 《故障处理报告》 (due 3 working days after resolution)');
  inc.command('new').description('open an incident record')
    .option('--env <env>').option('--title <text>').option('--severity <P1..P4>').option('--detected-by <who>', 'finding id, monitoring, user report')
    .option('--occurred <iso>', 'when it started (default --now)').option('--detected <iso>', 'when it was detected (default: occurred)')
    .option('--affected <list>', 'comma-separated addresses/business').option('--tags <list>').option('--runbooks <list>').option('--description <text>', '故障描述').option('--owner <name>')
    .option('--commit').option('--json').action((o: NewOpts, cmd: Command) => create(o, cmd));
  inc.command('close <id>').description('resolve an incident with its analysis: 原因, 解决办法, 预防措施')
    .option('--cause <text>').option('--resolution <text>').option('--prevention <text>').option('--resolved <iso>', 'resolution time (default --now)')
    .option('--commit').option('--json').action((id: string, o: Parameters<typeof close>[1], cmd: Command) => close(id, o, cmd));
  inc.command('report <id>').description('write the 《故障处理报告》; --submit records it as submitted (exit 2 when late)')
    .option('--submit').option('--commit').option('--json').action((id: string, o: Parameters<typeof report>[1], cmd: Command) => report(id, o, cmd));
  inc.command('list').description('incidents with their report deadline status (exit 2 when one is overdue)').option('--env <env>').option('--json')
    .action((o: { env?: string; json?: boolean }, cmd: Command) => listAll(o, cmd));
}
