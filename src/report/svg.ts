/**
 * Inline SVG charts made by our own code (no chart library, nothing fetched): horizontal
 * percentage bars with warning/critical marks, a line chart of a series with its forecast line,
 * a small sparkline and a score ring. Pure functions returning SVG text; every label is escaped.
 */

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const f1 = (v: number): string => (Math.round(v * 10) / 10).toString();

export interface Bar {
  label: string;
  percent: number | null;
  warning?: number;
  critical?: number;
  note?: string;
}

export function colourOf(percent: number | null, warning = 80, critical = 90): string {
  if (percent === null) return '#9aa5b1';
  if (percent >= critical) return '#c62828';
  return percent >= warning ? '#ef8f00' : '#2e7d32';
}

/** Horizontal bars (0–100 %), one row per bar, threshold ticks where known. */
export function barChart(title: string, bars: readonly Bar[], width = 560): string {
  const row = 22;
  const labelW = 190;
  const plotW = width - labelW - 70;
  const h = 24 + bars.length * row;
  const rows = bars.map((b, i) => {
    const y = 20 + i * row;
    const w = b.percent === null ? 0 : (Math.min(100, Math.max(0, b.percent)) / 100) * plotW;
    const ticks = [b.warning, b.critical].filter((t): t is number => t !== undefined)
      .map((t, k) => `<line x1="${f1(labelW + (t / 100) * plotW)}" x2="${f1(labelW + (t / 100) * plotW)}" y1="${y - 2}" y2="${y + 16}" stroke="${k === 0 ? '#ef8f00' : '#c62828'}" stroke-dasharray="3 2"/>`)
      .join('');
    const value = b.percent === null ? '—' : `${f1(b.percent)}%`;
    return `<g><text x="${labelW - 6}" y="${y + 12}" text-anchor="end" class="lbl">${esc(b.label)}</text>`
      + `<rect x="${labelW}" y="${y}" width="${plotW}" height="14" fill="#eef1f4"/>`
      + `<rect class="bar" x="${labelW}" y="${y}" width="${f1(w)}" height="14" fill="${colourOf(b.percent, b.warning, b.critical)}"><title>${esc(`${b.label}: ${value}${b.note ? ` (${b.note})` : ''}`)}</title></rect>`
      + `${ticks}<text x="${labelW + plotW + 6}" y="${y + 12}" class="val">${value}</text></g>`;
  });
  return `<svg class="chart bars" role="img" aria-label="${esc(title)}" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">`
    + `<text x="0" y="12" class="ttl">${esc(title)}</text>${rows.join('')}</svg>`;
}

export interface LinePoint {
  x: number;
  y: number;
}

export interface LineChart {
  title: string;
  points: readonly LinePoint[];
  /** The forecast line from the last point, when plausible: [x, y] pairs. */
  forecast?: readonly LinePoint[];
  xLabels: [string, string];
  critical?: number;
}

/** A line chart of used % over days (x in days), with the critical line and the forecast dashed. */
export function lineChart(c: LineChart, width = 360, height = 170): string {
  const pad = { l: 34, r: 10, t: 20, b: 22 };
  const all = [...c.points, ...(c.forecast ?? [])];
  const xMax = Math.max(1, ...all.map((p) => p.x));
  const px = (x: number): string => f1(pad.l + (x / xMax) * (width - pad.l - pad.r));
  const py = (y: number): string => f1(pad.t + (1 - Math.min(100, Math.max(0, y)) / 100) * (height - pad.t - pad.b));
  const path = (ps: readonly LinePoint[]): string => ps.map((p, i) => `${i ? 'L' : 'M'}${px(p.x)} ${py(p.y)}`).join(' ');
  const grid = [0, 50, 100].map((g) => `<line x1="${pad.l}" x2="${width - pad.r}" y1="${py(g)}" y2="${py(g)}" stroke="#dde2e8"/><text x="${pad.l - 4}" y="${Number(py(g)) + 4}" text-anchor="end" class="ax">${g}%</text>`).join('');
  const crit = c.critical === undefined ? '' : `<line x1="${pad.l}" x2="${width - pad.r}" y1="${py(c.critical)}" y2="${py(c.critical)}" stroke="#c62828" stroke-dasharray="4 3"/>`;
  const dots = c.points.map((p) => `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="2.5" fill="#1565c0"/>`).join('');
  const fc = c.forecast?.length ? `<path class="forecast" d="${path(c.forecast)}" fill="none" stroke="#c62828" stroke-width="1.5" stroke-dasharray="5 4"/>` : '';
  return `<svg class="chart line" role="img" aria-label="${esc(c.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<text x="0" y="12" class="ttl">${esc(c.title)}</text>${grid}${crit}`
    + `<path class="series" d="${path(c.points)}" fill="none" stroke="#1565c0" stroke-width="2"/>${fc}${dots}`
    + `<text x="${pad.l}" y="${height - 6}" class="ax">${esc(c.xLabels[0])}</text><text x="${width - pad.r}" y="${height - 6}" text-anchor="end" class="ax">${esc(c.xLabels[1])}</text></svg>`;
}

/** A small sparkline (no axes) of values 0–100. */
export function sparkline(values: readonly number[], width = 110, height = 26): string {
  if (values.length === 0) return '';
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const pts = values.map((v, i) => `${f1(2 + i * step)},${f1(2 + (1 - Math.min(100, Math.max(0, v)) / 100) * (height - 4))}`).join(' ');
  return `<svg class="chart spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><polyline points="${pts}" fill="none" stroke="#1565c0" stroke-width="1.5"/></svg>`;
}

/** The health score as a ring. */
export function scoreRing(score: number, label: string, size = 120): string {
  const r = size / 2 - 10;
  const c = 2 * Math.PI * r;
  const colour = score >= 90 ? '#2e7d32' : score >= 70 ? '#ef8f00' : '#c62828';
  const mid = size / 2;
  return `<svg class="chart score" role="img" aria-label="${esc(label)} ${score}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`
    + `<circle cx="${mid}" cy="${mid}" r="${f1(r)}" fill="none" stroke="#eef1f4" stroke-width="12"/>`
    + `<circle cx="${mid}" cy="${mid}" r="${f1(r)}" fill="none" stroke="${colour}" stroke-width="12" stroke-dasharray="${f1((score / 100) * c)} ${f1(c)}" transform="rotate(-90 ${mid} ${mid})"/>`
    + `<text x="${mid}" y="${mid + 9}" text-anchor="middle" class="big">${score}</text></svg>`;
}
