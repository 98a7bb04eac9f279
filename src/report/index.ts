/**
 * report — renderers and view models of the deliverables: plans (plan-*.ts), the HTML
 * 《系统健康检查报告》 (health-view.ts + templates/health.ejs, SVG charts in svg.ts), the generic
 * deliverable Doc (doc.ts + templates/doc.ejs) used by the monthly report 《系统运行维护报告》
 * (monthly*.ts), the register 《运维问题清册及处理结果》 (register.ts), 《系统应急保障方案》
 * (emergency-plan.ts), the case library (cases.ts); the report history (history.ts). The only
 * folder that renders ejs (ejs.ts). View-model builders are pure; readers of disk/git are
 * history.ts, monthly-data.ts, deliverables.ts. Prints nothing; never imports cli/.
 */
export { renderHealthHtml, healthHtmlRenderer } from './health-html.js';
export { buildHealthView, type HealthView } from './health-view.js';
export { readHistory, inspectionFiles } from './history.js';
export { renderDocHtml, renderDocMarkdown, type Doc, type DocSection, type DocTable } from './doc.js';
export { gatherMonthly, monthOf, type MonthlyData } from './monthly-data.js';
export { monthlyDoc, availabilityOf } from './monthly.js';
export { registerDoc, carriedFindings } from './register.js';
export { emergencyPlanDoc } from './emergency-plan.js';
export { casesOf, searchCases, casesDoc, type Case } from './cases.js';
export { writeDoc, commitDoc } from './deliverables.js';
export { wordsOf, shanghaiTime, type Lang } from './labels.js';
