/** The benchmark's results: the JSON record and its Markdown rendering. */
import type { Measured } from './measure';
import { mixedMarkdown, type MixedResult } from './mixed';
import type { WebSize } from './web-size';

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  os: string;
  loadAverageAtStart: number[];
};

/** The same route with one connection: what a single user sees on an otherwise idle server. */
export type Alone = { rps: number; p50: number; p99: number; requests: number };

type RouteResult = Measured & {
  alone: Alone | null;
  /** Requests per second as a share of the baseline's (1 = as fast as the bare route). */
  ofBaseline: number;
  /** One-minute load average of the machine just before the route ran (others' work too). */
  loadBefore: number;
};

export type OrgResult = {
  size: number;
  database: string;
  rows: Record<string, number>;
  baseline: { start: Measured; end: Measured; rps: number };
  routes: RouteResult[];
  memory: { idleMb: number; peakMb: number; endMb: number; afterRouteMb: Record<string, number> };
  /** Server processes measured (serve --workers N). */
  processes: number;
  /** The short mixed load of the quick run. */
  mixed?: MixedResult;
};

export type Target = { target: string; value: string; met: boolean };

export type Report = {
  startedAt: string;
  mode: 'full' | 'quick';
  /** The commit measured (git), so runs can be told apart. */
  code: string;
  machine: Machine;
  settings: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    sample: number;
    workers: boolean;
    processes: number;
  };
  web: WebSize | null;
  orgs: OrgResult[];
  comparison: {
    key: string;
    name: string;
    largeRps: number;
    smallRps: number;
    /** Small ÷ large requests per second: how much slower the large organisation is. */
    slowdown: number;
    p50Ratio: number;
    /** Large ÷ small CPU per request (server + PostgreSQL); robust on a shared machine. */
    cpuRatio: number | null;
  }[];
  targets: Target[];
  failures: string[];
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Compares the largest and the smallest organisation of a run, route by route. */
export function compare(orgs: OrgResult[]): Report['comparison'] {
  if (orgs.length < 2) return [];
  const sorted = [...orgs].sort((a, b) => b.size - a.size);
  const large = sorted[0]!;
  const small = sorted[sorted.length - 1]!;
  return large.routes.flatMap((l) => {
    const s = small.routes.find((r) => r.key === l.key);
    if (!s) return [];
    const total = (r: Measured) =>
      r.cpuMsPerRequest.server === null || r.cpuMsPerRequest.postgres === null
        ? null
        : r.cpuMsPerRequest.server + r.cpuMsPerRequest.postgres;
    const [lc, sc] = [total(l), total(s)];
    return [
      {
        key: l.key,
        name: l.name,
        largeRps: l.rps,
        smallRps: s.rps,
        slowdown: s.rps / l.rps,
        p50Ratio: l.latencyMs.p50 / Math.max(s.latencyMs.p50, 0.01),
        cpuRatio: lc !== null && sc ? lc / sc : null,
      },
    ];
  });
}

/** The issue's targets (#16), judged on the largest organisation. */
export function judge(r: Pick<Report, 'orgs' | 'comparison' | 'web' | 'settings'>): Target[] {
  const large = [...r.orgs].sort((a, b) => b.size - a.size)[0];
  const route = (key: string) => large?.routes.find((x) => x.key === key);
  const out: Target[] = [];
  const cpu = (x: Measured) => (x.cpuMsPerPage === null ? '?' : x.cpuMsPerPage.toFixed(2));
  const page = route('meetingPage');
  if (page && large) {
    out.push({
      target: `meeting page, whole, ≥ 4,500 page loads/s at ${page.connections} connections, p99 ≤ 30 ms (≈ 0.35–0.44 ms CPU a page on 2 cores)`,
      value: `${int(page.pagesPerSecond)} pages/s, p99 ${ms(page.latencyMs.p99)} ms, ${cpu(page)} ms CPU a page`,
      met: page.pagesPerSecond >= 4500 && page.latencyMs.p99 <= 30,
    });
  }
  for (const key of ['managerHome', 'employeeHome']) {
    const home = route(key);
    if (home)
      out.push({
        target: `${home.name.split(',')[0]}, whole, ≥ 2,000 page loads/s`,
        value: `${int(home.pagesPerSecond)} pages/s, p99 ${ms(home.latencyMs.p99)} ms, ${cpu(home)} ms CPU a page`,
        met: home.pagesPerSecond >= 2000,
      });
  }
  for (const key of ['addPoint', 'note', 'tick']) {
    const w = route(key);
    if (w)
      out.push({
        target: `${w.name.split(':')[0]} ≥ 1,500/s, p99 ≤ 50 ms`,
        value: `${int(w.rps)}/s, p99 ${ms(w.latencyMs.p99)} ms, ${cpu(w)} ms CPU`,
        met: w.rps >= 1500 && w.latencyMs.p99 <= 50,
      });
  }
  if (r.comparison.length) {
    const byCpu = r.comparison.filter((c) => c.cpuRatio !== null);
    const worst = (byCpu.length ? byCpu : r.comparison).reduce((a, b) =>
      (b.cpuRatio ?? b.slowdown) > (a.cpuRatio ?? a.slowdown) ? b : a,
    );
    const slowest = r.comparison.reduce((a, b) => (b.slowdown > a.slowdown ? b : a));
    out.push({
      target: 'large organisation within 1.3× the small one (every route, by CPU per request)',
      value:
        `worst ${(worst.cpuRatio ?? worst.slowdown).toFixed(2)}× CPU (${worst.key}); ` +
        `by req/s, which the shared machine blurs: worst ${slowest.slowdown.toFixed(2)}× (${slowest.key})`,
      met: (worst.cpuRatio ?? worst.slowdown) <= 1.3,
    });
  }
  if (large)
    out.push({
      target: 'server memory ≤ 400 MB at its peak through the whole large run',
      value: `${int(large.memory.peakMb)} MB peak (${large.processes} process${large.processes > 1 ? 'es, summed' : ''})`,
      met: large.memory.peakMb <= 400,
    });
  const hr = route('statistics');
  if (hr)
    out.push({
      target: 'HR statistics < 300 ms (GET /api/statistics; one HR user, p99)',
      value:
        `${hr.alone ? `alone p99 ${ms(hr.alone.p99)} ms; ` : ''}` +
        `${hr.connections ?? ''} concurrent: p50 ${ms(hr.latencyMs.p50)} ms, p99 ${ms(hr.latencyMs.p99)} ms`,
      met: (hr.alone?.p99 ?? hr.latencyMs.p99) < 300,
    });
  if (r.web) {
    const wire = r.web.totalBrBytes ?? r.web.totalGzipBytes;
    out.push({
      target: 'first-page JavaScript ≤ 150 KB on the wire',
      value: `${kib(wire)} (${r.web.totalBrBytes !== null ? 'brotli, as served' : 'gzip'})`,
      met: wire <= 150 * 1024,
    });
  }
  return out;
}

function orgTable(o: OrgResult): string[] {
  const lines = [
    `### ${int(o.size)} people (\`${o.database}\`)`,
    '',
    `Baseline \`GET /api/ping\`: ${int(o.baseline.rps)} req/s (start ${int(o.baseline.start.rps)}, end ${int(o.baseline.end.rps)}).`,
    `Server memory (RSS${o.processes > 1 ? `, ${o.processes} processes summed` : ''}): ${int(o.memory.idleMb)} MB idle after start, ${int(o.memory.peakMb)} MB peak, ${int(o.memory.endMb)} MB at the end.`,
    '',
    'CPU ms per page load (server and PostgreSQL together) is the primary figure: it moves least with the machine\'s other load. "× baseline CPU" divides it by the CPU of one `GET /api/ping` measured in the same run.',
    '',
    '| route | CPU ms per page load | × baseline CPU | CPU ms/req: server + PostgreSQL | pages/s | req/s | p50 ms | p99 ms | errors / non-2xx | req/s × baseline | alone: p50 / p99 ms | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const cpu = (x: number | null) => (x === null ? '?' : x.toFixed(2));
  const base = o.baseline.start.cpuMsPerPage;
  const rows: (Measured & Partial<RouteResult>)[] = [o.baseline.start, ...o.routes];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${cpu(r.cpuMsPerPage)} | ${r.cpuMsPerPage !== null && base ? (r.cpuMsPerPage / base).toFixed(1) : '?'} | ` +
        `${cpu(r.cpuMsPerRequest.server)} + ${cpu(r.cpuMsPerRequest.postgres)} | ${int(r.pagesPerSecond)} | ` +
        `${int(r.rps)} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ` +
        `${r.errors + r.timeouts} / ${r.non2xx} | ${r.ofBaseline?.toFixed(3) ?? '1'} | ` +
        `${r.alone ? `${ms(r.alone.p50)} / ${ms(r.alone.p99)}` : '–'} | ${int(r.requests)} |`,
    );
  return lines;
}

/** The report as Markdown: machine, one table per organisation, comparison, targets. */
export function toMarkdown(r: Report): string {
  const m = r.machine;
  const lines = [
    `# Samtal benchmark — ${r.startedAt} (${r.mode})`,
    '',
    `Code: ${r.code}.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; ${m.postgres}`,
    `PostgreSQL settings: ${Object.entries(m.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    `Load average at start: ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')} (the machine is shared; compare ratios).`,
    `Each route: ${r.settings.connections} connections, ${r.settings.seconds} s after ${r.settings.warmupSeconds} s of warm-up, ` +
      `requests spread over up to ${r.settings.sample} users and their meetings. Server: \`node bin/samtal.js serve${r.settings.processes > 1 ? ` --workers ${r.settings.processes}` : ''}\`, LOG_LEVEL=warn, ` +
      `job workers ${r.settings.workers ? 'on' : 'off (SAMTAL_WORKERS=false)'}.`,
    '',
  ];
  for (const o of r.orgs) {
    lines.push(...orgTable(o), '');
    if (o.mixed)
      lines.push(
        ...mixedMarkdown(`Mixed load, short (${int(o.size)} people)`, o.mixed, '0 errors'),
      );
  }
  if (r.comparison.length) {
    lines.push(
      '### Large ÷ small',
      '',
      '| route | large req/s | small req/s | slowdown (small ÷ large req/s) | p50 large ÷ small | CPU/req large ÷ small |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...r.comparison.map(
        (c) =>
          `| ${c.name} | ${int(c.largeRps)} | ${int(c.smallRps)} | ${c.slowdown.toFixed(2)} | ` +
          `${c.p50Ratio.toFixed(2)} | ${c.cpuRatio?.toFixed(2) ?? '?'} |`,
      ),
      '',
    );
  }
  if (r.web) {
    lines.push(
      `### First page load: ${r.web.totalBrBytes !== null ? `${kib(r.web.totalBrBytes)} of JavaScript on the wire (brotli, precompressed), ` : ''}${kib(r.web.totalGzipBytes)} gzipped (${kib(r.web.totalBytes)} raw; gzip -${r.web.gzipLevel})`,
      '',
      '| file | bytes | brotli | gzipped |',
      '| --- | ---: | ---: | ---: |',
      ...r.web.files.map(
        (f) =>
          `| ${f.file} | ${int(f.bytes)} | ${f.brBytes === null ? '–' : int(f.brBytes)} | ${int(f.gzipBytes)} |`,
      ),
      '',
      `Plus ${kib(r.web.cssGzipBytes)} of CSS; ${r.web.lazyChunks} chunks load later, on demand.`,
      '',
    );
  }
  if (r.targets.length) {
    lines.push('### Targets', '', '| target | measured | met |', '| --- | --- | --- |');
    for (const t of r.targets) lines.push(`| ${t.target} | ${t.value} | ${t.met ? 'yes' : 'no'} |`);
    lines.push('');
  }
  if (r.failures.length) lines.push('### Failures', '', ...r.failures.map((f) => `- ${f}`), '');
  return lines.join('\n');
}
