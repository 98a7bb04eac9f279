/**
 * 《社保费对账报告》 in Markdown (zh-CN by default, English with lang 'en'): conclusion, overview
 * per pair, one summary table per payer type (总账), the exceptions list (明细差异清单), in-transit
 * and refunds listed separately, the unpaid list's summary, and the sign-off.
 */
import { yuanGrouped as y } from './amount.js';
import { CLASS, SIDE, UNPAID, columnLabel, valueLabel, type Lang } from './labels.js';
import type { GroupTotal, PairResult, ReconciliationReport, ReconException } from './types.js';

const T = {
  zh: {
    title: '社保费对账报告', env: '环境', period: '费款所属期', at: '生成时间', rev: '仓库版本', verdict: '结论',
    balanced: '账账相符，无差异', found: (n: number) => `发现 ${n} 笔差异，需核查`, overview: '一、对账概要', item: '对账项目',
    left: '税务方', right: '对方', count: '笔数', amount: '金额(元)', diff: '差额(元)', matched: '匹配', exc: '差异', transit: '在途', refund: '冲正/退费',
    totals: '二、分组汇总（总账）', subtotal: '小计', details: '三、差异明细（明细差异清单）', none: '无',
    cls: '类别', side: '所在方', payer: '缴费人编号', idno: '证件号码', transitH: '四、在途（未计入差异）', age: '已过小时',
    refundH: '五、冲正/退费', orig: '原电子税票号码', agreed: '双方一致', yes: '是', no: '否',
    unpaidH: '六、应缴未缴/未足额缴费人', unpaidNote: (n: number, f: string) => `共 ${n} 条（明细见 ${f}，个人信息已脱敏）`, status: '状态', owed: '欠缴(元)', due: '应征(元)', paid: '实征(元)',
    sign: '七、签字确认', signers: ['对账人', '复核人', '负责人'], date: '日期', masked: '注：证件号码、姓名、电话等个人信息均已脱敏。金额以分为单位精确计算，按元保留两位小数。',
  },
  en: {
    title: 'Social insurance fee reconciliation report', env: 'Environment', period: 'Fee period', at: 'Generated', rev: 'Repository revision', verdict: 'Conclusion',
    balanced: 'Balanced: no exceptions', found: (n: number) => `${n} exception(s) found, to be investigated`, overview: '1. Overview', item: 'Reconciliation',
    left: 'Tax side', right: 'Other side', count: 'Count', amount: 'Amount (CNY)', diff: 'Difference (CNY)', matched: 'Matched', exc: 'Exceptions', transit: 'In transit', refund: 'Reversal/refund',
    totals: '2. Totals by group', subtotal: 'Subtotal', details: '3. Exceptions', none: 'None',
    cls: 'Class', side: 'Side', payer: 'Payer id', idno: 'ID no.', transitH: '4. In transit (not counted)', age: 'Hours since',
    refundH: '5. Reversals and refunds', orig: 'Original voucher', agreed: 'Both sides agree', yes: 'yes', no: 'no',
    unpaidH: '6. Payers not fully paid', unpaidNote: (n: number, f: string) => `${n} line(s) (full list in ${f}, personal data masked)`, status: 'Status', owed: 'Owed (CNY)', due: 'Due (CNY)', paid: 'Paid (CNY)',
    sign: '7. Sign-off', signers: ['Reconciled by', 'Reviewed by', 'Approved by'], date: 'Date', masked: 'Personal data (ID numbers, names, phones) is masked. Amounts are computed exactly in fen and shown in yuan with two decimals.',
  },
};

type Words = (typeof T)['zh'] | (typeof T)['en'];
const row = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
const table = (head: string[], rows: string[][]): string[] => [row(head), row(head.map(() => '---')), ...rows.map(row)];
const amt = (v: bigint | null): string => (v === null ? '—' : y(v));
const shanghai = (iso: string): string => `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} (+08:00)`;

function overview(r: ReconciliationReport, t: Words, lang: Lang): string[] {
  return table(
    [t.item, `${t.left}${t.count}`, `${t.left}${t.amount}`, `${t.right}${t.count}`, `${t.right}${t.amount}`, t.diff, t.matched, t.exc, t.transit, t.refund],
    r.pairs.map((p) => {
      const e = p.exceptions;
      return [p.title[lang], String(p.left.count), y(p.left.amountFen), String(p.right.count), y(p.right.amountFen), y(p.left.amountFen - p.right.amountFen),
        String(p.matched), String(e.filter((x) => x.counted).length), String(e.filter((x) => x.class === 'in-transit').length), String(e.filter((x) => x.class === 'reversal-refund').length)];
    }),
  );
}

function totalsTables(p: PairResult, t: Words, lang: Lang): string[] {
  const [first, ...rest] = p.groupBy;
  if (!first) return [];
  const out: string[] = [];
  const byFirst = new Map<string, GroupTotal[]>();
  for (const g of p.totals) byFirst.set(g.group[first] ?? '', [...(byFirst.get(g.group[first] ?? '') ?? []), g]);
  const head = [...rest.map((c) => columnLabel(c, lang)), `${t.left}${t.count}`, `${t.left}${t.amount}`, `${t.right}${t.count}`, `${t.right}${t.amount}`, t.diff];
  for (const [value, groups] of byFirst) {
    const sum = groups.reduce((s, g) => ({ tc: s.tc + g.taxCount, ta: s.ta + g.taxAmountFen, oc: s.oc + g.otherCount, oa: s.oa + g.otherAmountFen }), { tc: 0, ta: 0n, oc: 0, oa: 0n });
    out.push('', `#### ${columnLabel(first, lang)}: ${valueLabel(first, value, lang)}`, '');
    out.push(...table(head, [
      ...groups.map((g) => [...rest.map((c) => valueLabel(c, g.group[c] ?? '', lang)), String(g.taxCount), y(g.taxAmountFen), String(g.otherCount), y(g.otherAmountFen), y(g.differenceFen)]),
      [...(rest.length ? [`**${t.subtotal}**`, ...rest.slice(1).map(() => '')] : []), String(sum.tc), y(sum.ta), String(sum.oc), y(sum.oa), y(sum.ta - sum.oa)],
    ]));
  }
  return out;
}

function exceptionRows(list: ReconException[], lang: Lang): string[][] {
  return list.map((e) => [CLASS[e.class][lang], SIDE[e.side][lang], e.key, e.payerId ?? '', e.idNoMasked ?? '', valueLabel('XZ_CODE', e.group['XZ_CODE'] ?? '', lang),
    String(e.taxCount), amt(e.taxAmountFen), String(e.otherCount), amt(e.otherAmountFen), y((e.taxAmountFen ?? 0n) - (e.otherAmountFen ?? 0n))]);
}

function pairSections(p: PairResult, t: Words, lang: Lang): { details: string[]; transit: string[]; refunds: string[] } {
  const head = [t.cls, t.side, columnLabel(p.matchKeys.join('+'), lang), t.payer, t.idno, columnLabel('XZ_CODE', lang), `${t.left}${t.count}`, `${t.left}${t.amount}`, `${t.right}${t.count}`, `${t.right}${t.amount}`, t.diff];
  const counted = p.exceptions.filter((e) => e.counted && e.class !== 'reversal-refund');
  const transit = p.exceptions.filter((e) => e.class === 'in-transit');
  const refunds = p.exceptions.filter((e) => e.class === 'reversal-refund');
  const titled = (rows: string[]): string[] => ['', `### ${p.title[lang]}`, '', ...rows];
  return {
    details: titled(counted.length ? table(head, exceptionRows(counted, lang)) : [t.none]),
    transit: transit.length ? titled(table([columnLabel(p.matchKeys.join('+'), lang), t.payer, t.idno, `${t.left}${t.amount}`, t.age], transit.map((e) => [e.key, e.payerId ?? '', e.idNoMasked ?? '', amt(e.taxAmountFen), String(e.ageHours ?? '')]))) : [],
    refunds: refunds.length ? titled(table([columnLabel(p.matchKeys.join('+'), lang), t.orig, `${t.left}${t.amount}`, `${t.right}${t.amount}`, t.agreed],
      refunds.map((e) => [e.key, e.originalKey ?? '', amt(e.taxAmountFen), amt(e.otherAmountFen), e.counted ? t.no : t.yes]))) : [],
  };
}

function unpaidSection(r: ReconciliationReport, t: Words, lang: Lang, csvFile: string): string[] {
  const u = r.unpaid;
  if (!u) return [t.none];
  const byStatus = (['unpaid', 'underpaid'] as const).map((s) => {
    const list = u.entries.filter((e) => e.status === s);
    return [UNPAID[s][lang], String(list.length), y(list.reduce((a, e) => a + e.dueFen, 0n)), y(list.reduce((a, e) => a + e.paidFen, 0n)), y(list.reduce((a, e) => a + e.owedFen, 0n))];
  });
  return [t.unpaidNote(u.entries.length, csvFile), '', ...table([t.status, t.count, t.due, t.paid, t.owed], byStatus)];
}

export function renderMarkdown(r: ReconciliationReport, lang: Lang, csvFile = 'unpaid.csv'): string {
  const t = T[lang];
  const sections = r.pairs.map((p) => pairSections(p, t, lang));
  const lines = [
    `# ${lang === 'zh' ? '《社保费对账报告》' : t.title}`, '',
    `- ${t.env}: ${r.env}`, `- ${t.period}: ${r.period}`, `- ${t.at}: ${shanghai(r.generatedAt)}`, `- ${t.rev}: ${r.revision ?? '—'}`,
    `- **${t.verdict}: ${r.summary.balanced ? t.balanced : t.found(r.summary.mismatches)}**`, '',
    `## ${t.overview}`, '', ...overview(r, t, lang), '',
    `## ${t.totals}`, ...r.pairs.flatMap((p) => ['', `### ${p.title[lang]}`, ...totalsTables(p, t, lang)]), '',
    `## ${t.details}`, ...sections.flatMap((s) => s.details), '',
    `## ${t.transitH}`, ...(sections.some((s) => s.transit.length) ? sections.flatMap((s) => s.transit) : ['', t.none]), '',
    `## ${t.refundH}`, ...(sections.some((s) => s.refunds.length) ? sections.flatMap((s) => s.refunds) : ['', t.none]), '',
    `## ${t.unpaidH}`, '', ...unpaidSection(r, t, lang, csvFile), '',
    `## ${t.sign}`, '', ...table([t.signers[0]!, t.signers[1]!, t.signers[2]!, t.date], [['', '', '', '']]), '',
    `> ${t.masked}`, '',
  ];
  return lines.join('\n');
}
