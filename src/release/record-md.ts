/**
 * record.md: the apply record for people (Chinese + English), committed beside record.json.
 * Pure text from the record value.
 */
import type { ApplyRecord } from './record-model.js';

const OUTCOME_ZH: Record<ApplyRecord['outcome'], string> = {
  succeeded: '成功',
  'failed-rolled-back': '失败，已全部回退',
  'failed-rollback-incomplete': '失败，回退未完成（须人工处理）',
  'rolled-back': '已按请求回退',
  refused: '拒绝执行',
};
const HEALTH_ZH: Record<string, string> = { healthy: '健康', findings: '有发现项', error: '检查出错', 'not-run': '未执行' };

function approvalsSection(r: ApplyRecord): string[] {
  if (r.approvals.length === 0) return ['无（本环境不要求审批）/ none required here'];
  return r.approvals.map((a) => `- ${a.role}：${a.name}${a.date ? `（${a.date}）` : ''}${a.comment ? ` — ${a.comment}` : ''}`);
}

function healthSection(r: ApplyRecord): string[] {
  const h = r.health;
  if (!h) return ['未提供 / not provided'];
  const counts = h.checks !== undefined ? `，检查 ${h.checks} 项 / ${h.checks} checks` : '';
  const findings = h.findings !== undefined ? `，发现 ${h.findings} 项 / ${h.findings} findings` : '';
  const out = [`${HEALTH_ZH[h.status] ?? h.status} / ${h.status}${counts}${findings}`];
  for (const l of h.lines ?? []) out.push(`- ${l}`);
  if (h.report) out.push(`报告 / report: \`${h.report}\``);
  return out;
}

function addressesSection(r: ApplyRecord): string[] {
  if (r.addresses.length === 0) return ['无 / none'];
  const shown = r.addresses.slice(0, 200).map((a) => `- \`${a}\``);
  if (r.addresses.length > 200) shown.push(`- … 共 ${r.addresses.length} 个，完整列表见 record.json / ${r.addresses.length} in total, see record.json`);
  return shown;
}

export function renderRecordMarkdown(r: ApplyRecord): string {
  const rel = r.release;
  const lines = [
    `# 变更执行记录 Apply record — ${r.env} ${r.timings.startedAt}`,
    '',
    '| 项目 / item | 内容 / value |',
    '|---|---|',
    `| 环境 / environment | ${r.env} |`,
    `| 结果 / outcome | ${OUTCOME_ZH[r.outcome]} / ${r.outcome} |`,
    `| 发布 / release | ${rel ? `${rel.name}（${rel.title}）` : '无 / none (desired-state change)'} |`,
    `| 开始 / started | ${r.timings.startedAt} |`,
    `| 结束 / finished | ${r.timings.finishedAt}（${r.timings.durationSeconds} s） |`,
    `| 计划 / plan | \`plan.json\` sha256 \`${r.plan.sha256}\`，${r.plan.steps} 步 / steps |`,
    `| 版本 / revision | ${r.plan.revision ? `\`${r.plan.revision}\`` : '—'} |`,
    `| 执行人 / operator | ${r.operator ?? '见提交作者 / see commit author'} |`,
    `| 紧急变更 / break-glass | ${r.breakGlass ? `是 / yes：${r.breakGlass.reason}` : '否 / no'} |`,
    ...(r.rollbackOf ? [`| 回退的变更 / rolls back | \`${r.rollbackOf.record}\`（提交 / commit \`${r.rollbackOf.commit.slice(0, 12)}\`） |`] : []),
    '',
  ];
  if (rel && rel.artifacts.length > 0) {
    lines.push('## 制品校验和 / Artifact checksums', '', ...rel.artifacts.map((a) => `- ${a.name}: \`${a.sha256}\``), '');
  }
  if (r.breakGlass?.waivedApprovals?.length) {
    lines.push('## 紧急变更未经审批 / Break-glass without approvals', '', ...r.breakGlass.waivedApprovals.map((w) => `- ${w}`), '');
  }
  if (r.breakGlass && r.breakGlass.windowReasons.length > 0) {
    lines.push('## 窗口外执行原因 / Outside the window because', '', ...r.breakGlass.windowReasons.map((w) => `- ${w}`), '');
  }
  lines.push('## 审批 / Approvals', '', ...approvalsSection(r), '');
  lines.push('## 变更对象 / Changed addresses', '', ...addressesSection(r), '');
  lines.push('## 变更后健康检查 / Post-apply health', '', ...healthSection(r), '');
  lines.push(`日志 / journal: \`journal.jsonl\`（${r.journal.records} 条 / records）`, '');
  return lines.join('\n');
}
