/**
 * appDeployments:/Application → deployments: artifact path (archive entries land under the
 * domain home, as WDT puts them), version, targets, staging mode. The artifact's sha256 is not in
 * a WDT model, so it is a listed placeholder to fill from the release.
 */
import { compact, instances, isMap, leftover, placeholder, text, unmapped, type Ctx, type Json } from './context.js';
import { mapTargets, type DomainNames } from './targets.js';

export const UNKNOWN_SHA256 = '0'.repeat(64);
const STAGING: Record<string, string> = { stage: 'stage', nostage: 'nostage', external_stage: 'external_stage' };

export interface Homes {
  domainHome: string;
  middlewareHome: string;
}

function artifactPath(ctx: Ctx, source: string, homes: Homes, field: string, appPath: string): string {
  for (const t of ctx.tokens) if (t.path === `${appPath}/SourcePath` && /^@@(DOMAIN|ORACLE|WL)_HOME@@$/.test(t.token)) t.action = 'resolved';
  const withHomes = source
    .replace('@@DOMAIN_HOME@@', homes.domainHome)
    .replace('@@ORACLE_HOME@@', homes.middlewareHome)
    .replace('@@WL_HOME@@', `${homes.middlewareHome}/wlserver`);
  if (withHomes.startsWith('/')) return withHomes;
  const path = `${homes.domainHome}/${withHomes}`;
  placeholder(ctx, `${field}.artifact.path`, path, `SourcePath ${source} is relative: WDT archive entries land under the domain home`);
  return path;
}

/** VersionIdentifier, else a ProductionRedeployments AppVersion, else a version in the file name. */
function versionOf(ctx: Ctx, name: string, app: Json, source: string, domainInfo: Json, field: string): string {
  const redeploy = isMap(domainInfo['ProductionRedeployments']) ? domainInfo['ProductionRedeployments'][name] : undefined;
  const given = text(app['VersionIdentifier']) ?? (isMap(redeploy) ? text(redeploy['AppVersion']) : undefined);
  if (given) return given;
  const fromFile = /-v?([0-9]+(?:\.[0-9A-Za-z]+)+)\.(?:ear|war|jar)$/.exec(source)?.[1];
  if (fromFile) {
    placeholder(ctx, `${field}.version`, fromFile, `taken from the file name ${source}`);
    return fromFile;
  }
  placeholder(ctx, `${field}.version`, 'unknown', 'the model gives no version (VersionIdentifier) and the file name none');
  return 'unknown';
}

function application(ctx: Ctx, name: string, app: Json, homes: Homes, domainInfo: Json, names: DomainNames, field: string): Json {
  const path = `appDeployments:/Application/${name}`;
  const source = text(app['SourcePath']) ?? '';
  if (!source) unmapped(ctx, `${path}/SourcePath`, 'no SourcePath: opsctl deploys from an artifact path');
  const ext = /\.(ear|war|jar)$/i.exec(source)?.[1]?.toLowerCase();
  const moduleType = text(app['ModuleType'])?.toLowerCase();
  const consistent = moduleType === undefined || moduleType === ext;
  const staging = text(app['StagingMode'])?.toLowerCase();
  if (staging && !STAGING[staging]) unmapped(ctx, `${path}/StagingMode`, `staging mode ${staging} is not modeled`);
  const targets = mapTargets(ctx, app['Target'], path, names);
  if (targets.length === 0) unmapped(ctx, `${path}/Target`, 'the application has no target; opsctl needs at least one');
  placeholder(ctx, `${field}.artifact.sha256`, UNKNOWN_SHA256, 'a WDT model carries no checksum: take it from the release manifest');
  leftover(ctx, app, ['SourcePath', 'Target', 'StagingMode', 'VersionIdentifier', ...(consistent ? ['ModuleType'] : [])], path, 'Application');
  return compact({
    name,
    version: versionOf(ctx, name, app, source, domainInfo, field),
    artifact: { path: artifactPath(ctx, source, homes, field, path), sha256: UNKNOWN_SHA256 },
    targets,
    stagingMode: staging ? STAGING[staging] : undefined,
  });
}

export function mapDeployments(ctx: Ctx, section: unknown, homes: Homes, domainInfo: Json, names: DomainNames): Json[] {
  if (!isMap(section)) return [];
  const apps = instances(ctx, section['Application'], 'appDeployments:/Application');
  leftover(ctx, section, ['Application'], 'appDeployments:', 'appDeployments');
  return apps.map(([name, app], i) => application(ctx, name, app, homes, domainInfo, names, `deployments[${i}]`));
}

