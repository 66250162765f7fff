/**
 * The wellbeing charts (Recharts). Only the trend and team pages import this file, so the chart
 * library is loaded with those pages and never on the first load.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { MEASURES, type Measure } from './api';

/** Colours and dash patterns: the lines stay apart without colour too. */
const STYLE: Record<Measure, { color: string; dash?: string }> = {
  wellbeing: { color: '#2f5d62' },
  workload: { color: '#b35c00', dash: '6 4' },
  progress: { color: '#1a63c7', dash: '2 3' },
};

export type TrendPoint = { label: string; wellbeing: number; workload: number; progress: number };

type Names = Record<Measure, string>;

/** Wellbeing, workload and progress (1–5) by meeting date. */
export function TrendChart({ points, names }: { points: TrendPoint[]; names: Names }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2e5" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis
          domain={[1, 5]}
          ticks={[1, 2, 3, 4, 5]}
          allowDecimals={false}
          tick={{ fontSize: 12 }}
        />
        <Tooltip />
        <Legend />
        {MEASURES.map((m) => (
          <Line
            key={m}
            type="monotone"
            dataKey={m}
            name={names[m]}
            stroke={STYLE[m].color}
            strokeWidth={2}
            strokeDasharray={STYLE[m].dash}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export type TeamBar = { name: string; wellbeing?: number; workload?: number; progress?: number };

/** Each report's latest check-in as bars, names down the side (readable on a phone). */
export function TeamChart({ rows, names }: { rows: TeamBar[]; names: Names }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2e5" />
        <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {MEASURES.map((m) => (
          <Bar
            key={m}
            dataKey={m}
            name={names[m]}
            fill={STYLE[m].color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
