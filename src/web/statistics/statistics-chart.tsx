/**
 * The chart of the statistics page (Recharts): 1:1s held and not held per unit. Only the
 * statistics page imports this file, lazily, so the chart library never weighs on other pages.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export type CadenceBar = { name: string; held: number; missed: number };

/** Stacked bars: held (solid) and due but not held (hatched colour), per unit. */
export function CadenceChart(props: { bars: CadenceBar[]; held: string; missed: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={props.bars} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#dde2e5" />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} angle={-20} height={56} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="held"
          name={props.held}
          stackId="a"
          fill="#2f5d62"
          isAnimationActive={false}
        />
        <Bar
          dataKey="missed"
          name={props.missed}
          stackId="a"
          fill="#d9a441"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
