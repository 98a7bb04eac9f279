/**
 * 升级说明 (release notes) in Markdown, from the manifest and, when given, the plan for one
 * environment and the release's run steps: summary, changes, impact, steps with restart and
 * downtime, verification, rollback, approvals. Pure text.
 */
import type { Plan } from '../core/index.js';
import type { Release } from '../model/index.js';
import type { ReleaseRunStep } from './release-steps.js';

export interface NotesInput {
  release: Release;
  env?: string;
  plan?: Plan;
  runSteps?: readonly ReleaseRunStep[];
  /** Roles required where the notes are for (default: the release's own). */
  requiredRoles?: readonly string[];
}

const TYPE_ZH: Record<Release['type'], string> = {
  application: '应用版本升级', 'weblogic-patch': 'WebLogic 补丁', 'oracle-patch': 'Oracle 补丁',
  'sql-migration': '数据库变更脚本', 'os-tunables': '操作系统参数调整', 'config-table': '配置表变更',
};

const minutes = (s: number): string => `${Math.ceil(s / 60)} 分钟 / min`;

function changeLines(r: Release): string[] {
  const out: string[] = [];
  if (r.application) out.push(`- 部署 ${r.application.domain} / ${r.application.deployment} → 版本 ${r.application.version}（制品 ${r.application.artifact}）`);
  if (r.weblogicPatch) out.push(`- WebLogic 补丁 ${r.weblogicPatch.patchId}（${r.weblogicPatch.tool === 'opatch' ? 'OPatch, 12c' : 'BSU, 10.3.6'}），域：${r.weblogicPatch.domains.join('、')}`);
  if (r.oraclePatch) out.push(`- Oracle 补丁 ${r.oraclePatch.patchId}（OPatch + datapatch），数据库：${r.oraclePatch.databases.join('、')}`);
  r.sqlMigration?.scripts.forEach((s, i) => out.push(`- ${i + 1}. 脚本 ${s.id}（${r.sqlMigration?.database}，记录于 ${r.sqlMigration?.historyTable}）`));
  for (const c of r.changes ?? []) out.push(`- 期望状态文档 ${c}`);
  return out;
}

function planChangeLines(plan: Plan): string[] {
  const changed = plan.changes.filter((c) => c.action !== 'noop');
  if (changed.length === 0) return ['- 计划无变更 / the plan changes nothing'];
  return changed.map((c) => `- \`${c.address}\` ${c.action}${c.attributes.length ? `：${c.attributes.map((a) => a.name).join(', ')}` : ''}${c.reversible ? '' : '（不可逆 / irreversible）'}`);
}

function stepTable(plan: Plan | undefined, runSteps: readonly ReleaseRunStep[]): string[] {
  const rows: string[] = ['| # | 步骤 / step | 停机影响 / downtime | 预计 / est. | 可回退 / reversible |', '|---|---|---|---|---|'];
  plan?.steps.forEach((s, i) => rows.push(`| ${i + 1} | ${s.description} | ${s.downtime} | ${s.estimatedSeconds} s | ${s.reversible ? '是' : '**否**'} |`));
  const base = plan?.steps.length ?? 0;
  // SQL scripts the plan already has as migration steps are not listed twice.
  const planned = new Set(plan?.steps.map((s) => s.address) ?? []);
  runSteps.filter((s) => !(s.kind === 'sql-script' && planned.has(s.address))).forEach((s, i) => {
    const down = s.kind === 'sql-script' ? 'none — online' : s.rolling ? `rolling — stops ${s.stops.join(', ')}; group keeps serving` : `outage — stops ${s.stops.join(', ')}`;
    const undo = s.kind !== 'sql-script' ? '是（opatch rollback / bsu -remove）' : s.rollback ? `是（${s.rollback.path}）` : '**否**（无回退脚本 / no rollback script）';
    rows.push(`| ${base + i + 1} | ${s.description} | ${down} | — | ${undo} |`);
  });
  if (rows.length === 2) return ['（未提供计划；以 `opsctl plan --env E --release R --out plan.json` 生成后再出说明）'];
  if (plan) rows.push('', `计划合计 / plan total: ${plan.steps.length} 步，串行上限 ${minutes(plan.estimatedSeconds)}，并行关键路径 ${minutes(plan.criticalPathSeconds)}。`);
  return rows;
}

function rollbackLines(r: Release, plan: Plan | undefined, runSteps: readonly ReleaseRunStep[]): string[] {
  const out = [r.notes.rollback ?? '按计划记录的反向步骤回退 / undo the recorded inverse steps in reverse order.'];
  const sql = runSteps.filter((s) => s.kind === 'sql-script');
  if (sql.length > 0) out.push('', '回退脚本（按相反顺序执行）/ rollback scripts, in reverse order:', ...[...sql].reverse().map((s) => (s.rollback ? `- ${s.rollback.path}（sha256 ${s.rollback.sha256.slice(0, 12)}…）撤销 ${s.id}` : `- ${s.id}：**无回退脚本，不可逆** / no rollback script: irreversible`)));
  const irreversible = plan?.steps.filter((s) => !s.reversible) ?? [];
  if (irreversible.length > 0) out.push('', '**不可逆步骤（需明确同意）/ irreversible steps (need explicit consent):**', ...irreversible.map((s) => `- ${s.id}`));
  out.push('', '回退命令 / command: `opsctl rollback --env E --release ' + r.name + '`（或中断后 `opsctl recover --env E --rollback`）');
  return out;
}

function approvalLines(r: Release, required: readonly string[]): string[] {
  const have = r.approvals ?? [];
  const out = have.map((a) => `- [x] ${a.role}：${a.name}（${a.date}）${a.comment ? ` — ${a.comment}` : ''}`);
  for (const role of required) if (!have.some((a) => a.role === role)) out.push(`- [ ] ${role}：待审批 / pending — \`opsctl approve ${r.name} --role ${role} --name NAME\``);
  return out.length > 0 ? out : ['无需审批 / none required'];
}

export function renderReleaseNotes(i: NotesInput): string {
  const r = i.release;
  const runSteps = i.runSteps ?? [];
  const head = [
    `# 升级说明：${r.title}`,
    '',
    `| 项目 | 内容 |`,
    '|---|---|',
    `| 发布 / release | ${r.name} |`,
    `| 类型 / type | ${TYPE_ZH[r.type]}（${r.type}） |`,
    `| 环境 / environment | ${i.env ?? '未指定 / any'} |`,
    ...(i.plan ? [`| 计划 / plan | ${i.plan.createdAt}${i.plan.revision ? `，版本 \`${i.plan.revision.slice(0, 12)}\`` : ''} |`] : []),
    ...(r.artifacts ?? []).map((a) => `| 制品 ${a.name} | \`${a.path}\` sha256 \`${a.sha256}\` |`),
    '',
  ];
  return [
    ...head,
    '## 一、概述 Summary', '', r.notes.summary, ...(r.description ? ['', r.description] : []), '',
    '## 二、变更内容 Changes', '', ...changeLines(r), ...(i.plan ? ['', '计划中的变更 / planned changes:', ...planChangeLines(i.plan)] : []), '',
    '## 三、影响范围 Impact', '', r.notes.impact ?? '未说明 / not stated', '',
    '实施时间须在变更窗口内，避开征期与工作时间（`opsctl window --env E`）；生产实施前须在预生产环境以相同制品校验和实施成功。', '',
    '## 四、实施步骤与停机 Steps, restarts and downtime', '', ...stepTable(i.plan, runSteps), '',
    '## 五、验证 Verification', '', ...(r.notes.verification ?? ['opsctl drift 无差异 / no drift']).map((v) => `- [ ] ${v}`), '',
    '## 六、回退方案 Rollback', '', ...rollbackLines(r, i.plan, runSteps), '',
    '## 七、审批 Approvals', '', ...approvalLines(r, i.requiredRoles ?? r.requiredApprovals), '',
  ].join('\n');
}
