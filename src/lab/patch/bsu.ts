/**
 * `<MW_HOME>/utils/bsu/bsu.sh` (BEA Smart Update, WebLogic 10.3.6) on a lab host:
 * `-view -status=applied -prod_dir=WL_HOME [-verbose]`, `-install -patchlist=ID[,ID]
 * [-patch_download_dir=DIR] -prod_dir=… [-verbose]`, `-remove -patchlist=ID -prod_dir=…`,
 * `-log=…` accepted. Output as captured from real 10.3.x runs (tests/fixtures/patch/bsu-*):
 * padded `Label:` columns, `Checking for conflicts…`, `Result: Success`, `Patch already
 * installed`, and the mutual-exclusion conflict when a second PSU is installed over a PSU (one
 * PSU per installation: remove the old one first). An install needs `<ID>.jar` in the download
 * directory (default `<MW_HOME>/utils/bsu/cache_dir`); its description comes from the
 * directory's patch catalog. BSU does not check running servers (the real one does not either).
 */
import type { LabHome, LabHomePatch } from '../state/types.js';
import type { CommandHandler, CommandResult, ShellContext } from '../shell/types.js';
import { resolvePath } from '../shell/vfs.js';
import { uniqueId } from '../state/build-homes.js';
import { locateHome, type Located } from './homes.js';
import { bsuCatalogEntry, isPsu } from './metadata.js';

const COMPONENTS = 'WebLogic Server/Core Application Server,WebLogic Server/Administration Console,WebLogic Server/Configuration Wizard and Upgrade Framework,WebLogic Server/Web 2.0 HTTP Pub-Sub Server,WebLogic Server/WebLogic SCA,WebLogic Server/WebLogic JDBC Drivers,WebLogic Server/Third Party JDBC Drivers,WebLogic Server/WebLogic Server Clients,WebLogic Server/WebLogic Web Server Plugins,WebLogic Server/UDDI and Xquery Support,WebLogic Server/Evaluation Database,WebLogic Server/Workshop Code Completion Support';

const label = (l: string, v: string): string => `${`${l}:`.padEnd(19)}${v}`;

/** BSU wraps values at 60 characters, continuation lines under the value column. */
function wrapped(l: string, v: string): string[] {
  const parts = v.match(/.{1,60}/g) ?? [''];
  return [label(l, parts[0]!), ...parts.slice(1).map((p) => `${' '.repeat(19)}${p}`)];
}

function opts(argv: string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    m.set(eq > 0 ? a.slice(0, eq) : a, eq > 0 ? a.slice(eq + 1) : '');
  }
  return m;
}

const out = (lines: string[], exitCode = 0): CommandResult => ({ stdout: `${lines.join('\n')}\n`, stderr: '', exitCode });

function patchLines(p: LabHomePatch, verbose: boolean): string[] {
  if (!verbose) return [label('Patch ID', `${p.id} (${p.bugs[0] ?? p.id})`)];
  return [label('Patch ID', p.id), label('PatchContainer', `${p.id}.jar`), label('Checksum', String(-(Number.parseInt(p.uniqueId, 10) % 999_999_999))),
    label('Severity', 'optional'), label('Category', 'General'), label('CR/BUG', p.bugs[0] ?? p.id), label('Restart', 'true'),
    label('Description', p.description), `${' '.repeat(19)}${p.description}`, ''];
}

function view(at: Located, ctx: ShellContext, o: Map<string, string>): CommandResult {
  const mw = at.path;
  const aix = ctx.store.read().hosts[ctx.host]?.os === 'aix';
  const verbose = o.has('-verbose');
  return out([
    '', label('ProductName', 'WebLogic Server'), label('ProductVersion', '10.3 MP6'), ...wrapped('Components', COMPONENTS),
    label('BEAHome', mw), label('ProductHome', at.home.wlHome ?? `${mw}/wlserver_10.3`), label('PatchSystemDir', `${mw}/utils/bsu`),
    label('PatchDir', `${mw}/patch_wls1036`), label('Profile', 'Default'), label('DownloadDir', `${mw}/utils/bsu/cache_dir`),
    label('JavaVersion', aix ? '1.6.0' : '1.6.0_45'), label('JavaVendor', aix ? 'IBM Corporation' : 'Sun'), '', '',
    ...(o.get('-status') === 'applied' || !o.has('-status') ? at.home.patches.flatMap((p) => patchLines(p, verbose)) : []),
  ]);
}

function install(at: Located, ctx: ShellContext, ids: string[], dir: string): CommandResult {
  const host = ctx.store.read().hosts[ctx.host]!;
  const already = ids.filter((id) => at.home.patches.some((p) => p.id === id));
  if (already.length === ids.length) return out(already.map((id) => `Patch already installed: ${id} in profile: Default`));
  const missing = ids.filter((id) => !host.files[`${dir}/${id}.jar`]);
  if (missing.length) return out([`Encountered unrecognized patch ID: ${missing[0]}`], 1);
  const incoming = ids.filter((id) => !already.includes(id)).map((id) => {
    const entry = bsuCatalogEntry(host, dir, id);
    return { id, description: entry.description ?? `Patch ${id}`, bug: entry.bug ?? id };
  });
  const psus = at.home.patches.filter((p) => isPsu(p.description));
  const clash = incoming.find((p) => isPsu(p.description) && psus.length > 0);
  if (clash) {
    return out(['Checking for conflicts........', 'Conflict(s) detected - resolve conflict condition and execute patch installation again', 'Conflict condition details follow:',
      `Patch ${clash.id} is mutually exclusive and cannot coexist with patch(es): ${psus.map((p) => p.id).join(',')}`], 1);
  }
  ctx.store.update((s) => {
    const home: LabHome | undefined = s.hosts[ctx.host]?.homes?.[at.path];
    for (const p of incoming) home?.patches.push({ id: p.id, description: p.description, appliedAt: ctx.now.toISOString(), uniqueId: uniqueId(p.id), bugs: [p.bug] });
  });
  return out(['Checking for conflicts......', 'No conflict(s) detected', '', ...incoming.flatMap((p) => [`Installing Patch ID: ${p.id}..`, 'Result: Success', ''])]);
}

function remove(at: Located, ctx: ShellContext, ids: string[]): CommandResult {
  const absent = ids.filter((id) => !at.home.patches.some((p) => p.id === id));
  if (absent.length) return out([`Patch ${absent[0]} is not installed in profile: Default`], 1);
  ctx.store.update((s) => {
    const home = s.hosts[ctx.host]?.homes?.[at.path];
    if (home) home.patches = home.patches.filter((p) => !ids.includes(p.id));
  });
  return out(['Checking for conflicts......', 'No conflict(s) detected', '', ...ids.flatMap((id) => [`Removing Patch ID: ${id}.`, 'Result: Success', ''])]);
}

export const bsuCommand: CommandHandler = (argv, ctx) => {
  const o = opts(argv);
  const at = locateHome(ctx, 'utils/bsu/bsu.sh', ctx.argv0 && !ctx.argv0.includes('/') ? resolvePath(ctx.cwd, '../..') : undefined);
  if (typeof at === 'string' || at.home.tool !== 'bsu') return { stdout: '', stderr: `${ctx.argv0 ?? 'bsu.sh'}: not a BSU installation (${typeof at === 'string' ? at : at.path})\n`, exitCode: 1 };
  const prod = (o.get('-prod_dir') ?? '').replace(/\/+$/, '');
  if (prod !== at.home.wlHome) return out([`Invalid product directory: ${o.get('-prod_dir') ?? '(missing -prod_dir)'}; this BEA home has ${at.home.wlHome}`], 1);
  const ids = (o.get('-patchlist') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const dir = resolvePath(ctx.cwd, o.get('-patch_download_dir') ?? `${at.path}/utils/bsu/cache_dir`).replace(/\/+$/, '');
  if (o.has('-view')) return view(at, ctx, o);
  if ((o.has('-install') || o.has('-remove')) && ids.length === 0) return out(['-patchlist is required with -install and -remove'], 1);
  if (o.has('-install')) return install(at, ctx, ids, dir);
  if (o.has('-remove')) return remove(at, ctx, ids);
  return out(['Usage: bsu [-help] [-view | -install | -remove] [-prod_dir=…] [-patchlist=…] [-patch_download_dir=…] [-status=applied|downloaded] [-verbose]'], 1);
};
