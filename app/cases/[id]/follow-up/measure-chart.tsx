import type { MeasureSeries } from "@/lib/progress/measure-series";

/**
 * One measure against its plan, drawn as plain SVG on the server (no chart library, no
 * JavaScript): the recorded values (solid line with dots), each agreement's plan line (dashed),
 * the target (dotted), and the agreed dates (thin vertical lines). It is an image with a title
 * and a description for screen readers; the table beside it (measure-table.tsx) carries the same
 * numbers for everyone. Line styles, not only colours, tell the series apart.
 */
export type ChartLabels = {
  title: string;
  description: string;
  target: string;
  today: string;
  versionShort: (version: number) => string;
  due: string;
  formatDay: (date: string) => string;
  formatValue: (n: number) => string;
};

const W = 640;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 44 };

function day(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

export function MeasureChart({
  series,
  today,
  labels,
  testId,
}: {
  series: MeasureSeries;
  today: string;
  labels: ChartLabels;
  testId?: string;
}) {
  const dates = [
    today,
    ...series.entries.map((e) => e.date),
    ...series.planned.flatMap((p) => [p.startDate, p.endDate]),
    ...(series.due ? [series.due] : []),
  ];
  const x0 = Math.min(...dates.map(day));
  const x1 = Math.max(...dates.map(day), x0 + 7);
  const values = [
    ...series.entries.map((e) => e.value),
    ...series.planned.flatMap((p) => [p.startValue, p.endValue]),
    ...(series.target !== null ? [series.target] : []),
    ...(series.from !== null ? [series.from] : []),
  ];
  const lo = series.range ? Math.min(series.range.min, ...values) : Math.min(0, ...values);
  const hi = series.range && series.range.source === "scale" ? Math.max(series.range.max, ...values) : Math.max(...values, lo + 1) * 1.1;
  const ticks = niceTicks(lo, hi);
  const y0 = Math.min(lo, ticks[0] ?? lo);
  const y1 = Math.max(hi, ticks.at(-1) ?? hi);
  const x = (date: string) => PAD.left + ((day(date) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  const id = `chart-${series.subGoalId}`;
  const points = series.entries.map((e) => `${x(e.date).toFixed(1)},${y(e.value).toFixed(1)}`).join(" ");
  const markers = [
    ...series.planned.map((p) => ({ date: p.startDate, label: labels.versionShort(p.version) })),
    ...(series.due ? [{ date: series.due, label: labels.due }] : []),
  ];

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-2xl"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={testId}
    >
      <title id={`${id}-title`}>{labels.title}</title>
      <desc id={`${id}-desc`}>{labels.description}</desc>
      <rect x={0} y={0} width={W} height={H} fill="white" />
      {ticks.map((v) => (
        <g key={`t${v}`}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#334155">
            {labels.formatValue(v)}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#64748b" />
      {markers.map((m, i) => (
        <g key={`m${i}`}>
          <line x1={x(m.date)} x2={x(m.date)} y1={PAD.top} y2={H - PAD.bottom} stroke="#94a3b8" strokeDasharray="2 3" />
          <text x={x(m.date)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="12" fill="#334155">
            {m.label}
          </text>
          <text x={x(m.date)} y={H - PAD.bottom + 30} textAnchor="middle" fontSize="12" fill="#475569">
            {labels.formatDay(m.date)}
          </text>
        </g>
      ))}
      <line x1={x(today)} x2={x(today)} y1={PAD.top} y2={H - PAD.bottom} stroke="#0f172a" strokeWidth={1} />
      <text x={x(today) + 4} y={PAD.top + 10} fontSize="12" fill="#0f172a">
        {labels.today}
      </text>
      {series.target !== null ? (
        <g>
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(series.target)}
            y2={y(series.target)}
            stroke="#15803d"
            strokeWidth={2}
            strokeDasharray="1 4"
            strokeLinecap="round"
          />
          <text x={W - PAD.right - 4} y={y(series.target) - 6} textAnchor="end" fontSize="12" fill="#14532d">
            {`${labels.target} ${labels.formatValue(series.target)}`}
          </text>
        </g>
      ) : null}
      {series.planned.map((p) => (
        <line
          key={`p${p.version}`}
          x1={x(p.startDate)}
          y1={y(p.startValue)}
          x2={x(p.endDate)}
          y2={y(p.endValue)}
          stroke="#1d4ed8"
          strokeWidth={2}
          strokeDasharray="8 5"
        />
      ))}
      {series.entries.length > 1 ? <polyline points={points} fill="none" stroke="#0f172a" strokeWidth={2.5} /> : null}
      {series.entries.map((e) => (
        <circle key={e.id} cx={x(e.date)} cy={y(e.value)} r={4.5} fill="#0f172a" />
      ))}
    </svg>
  );
}

/** The legend in words beside small samples of each line style. */
export function ChartLegend({ recorded, plan, target, dates }: { recorded: string; plan: string; target: string; dates: string }) {
  const sample = (props: { stroke: string; dash?: string; width?: number; dot?: boolean }) => (
    <svg width="28" height="10" aria-hidden="true" className="shrink-0">
      <line
        x1="1"
        x2="27"
        y1="5"
        y2="5"
        stroke={props.stroke}
        strokeWidth={props.width ?? 2}
        strokeDasharray={props.dash}
        strokeLinecap="round"
      />
      {props.dot ? <circle cx="14" cy="5" r="3.5" fill={props.stroke} /> : null}
    </svg>
  );
  return (
    <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
      <li className="flex items-center gap-2">
        {sample({ stroke: "#0f172a", width: 2.5, dot: true })}
        {recorded}
      </li>
      <li className="flex items-center gap-2">
        {sample({ stroke: "#1d4ed8", dash: "8 5" })}
        {plan}
      </li>
      <li className="flex items-center gap-2">
        {sample({ stroke: "#15803d", dash: "1 4" })}
        {target}
      </li>
      <li className="flex items-center gap-2">
        {sample({ stroke: "#94a3b8", dash: "2 3", width: 1 })}
        {dates}
      </li>
    </ul>
  );
}
