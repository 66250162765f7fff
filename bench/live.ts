/**
 * The cost of live meetings (decision 020): N meetings with two connected participants each,
 * both typing, against a real `samtal serve` on PostgreSQL. Reports the server's memory and CPU
 * and the keystroke latency from one participant to the other (p50/p99), into
 * bench/results/live-<time>.md and .json.
 *
 *   npm run bench:live -- --meetings 500 --seconds 30 --rate 1
 *
 * Only 127.0.0.1 is contacted; every loop is bounded in count and time.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { openPostgres } from '../src/db/client';
import {
  oneOnOneMeetings,
  oneOnOneSeries,
  organisations,
  people,
  sessions,
} from '../src/db/schema/index';
import { noteTextName } from '../src/domain/one-on-one/live-doc';
import { LiveMeeting, type SocketLike } from '../src/web/live/live-meeting';

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '1' },
    url: {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    port: { type: 'string', default: '39400' },
  },
});
const N = Number(values.meetings);
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const PORT = Number(values.port);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

function procStats(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return { cpuMs: (ticks * 1000) / 100, rssMb: rss / 1024 };
}

async function main() {
  const name = `samtal_bench_live_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(values.url!);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const database = await openPostgres(dbUrl, { max: 4 });
  const db = database.db;

  console.log(`seeding ${N} meetings…`);
  const orgId = randomUUID();
  await db
    .insert(organisations)
    .values({ id: orgId, name: 'Live bench', slug: `live-${orgId.slice(0, 8)}` } as never);
  const pairs: { meetingId: string; pointId: string; tokens: [string, string] }[] = [];
  const start = new Date(Date.now() + 86_400_000);
  for (let i = 0; i < N; i++) {
    const managerId = randomUUID();
    const employeeId = randomUUID();
    await db.insert(people).values([
      {
        orgId,
        id: managerId,
        name: `Chef ${i}`,
        email: `m${i}@live.bench`,
        timeZone: 'Europe/Stockholm',
      },
      {
        orgId,
        id: employeeId,
        name: `Medarbetare ${i}`,
        email: `e${i}@live.bench`,
        managerId,
        timeZone: 'Europe/Stockholm',
      },
    ] as never);
    const seriesId = randomUUID();
    await db.insert(oneOnOneSeries).values({
      orgId,
      id: seriesId,
      managerId,
      employeeId,
      cadence: 'weekly',
      startDate: start.toISOString().slice(0, 10),
      localTime: '09:00',
      timeZone: 'Europe/Stockholm',
      durationMinutes: 20,
      placeKind: 'walk_and_talk',
      builtinTemplateKey: 'follow-up',
      horizonUntil: start.toISOString().slice(0, 10),
    } as never);
    const meetingId = randomUUID();
    await db.insert(oneOnOneMeetings).values({
      orgId,
      id: meetingId,
      seriesId,
      managerId,
      employeeId,
      seq: 1,
      localDate: start.toISOString().slice(0, 10),
      timeZone: 'Europe/Stockholm',
      startsAt: start,
      endsAt: new Date(start.getTime() + 20 * 60_000),
      durationMinutes: 20,
      placeKind: 'walk_and_talk',
    } as never);
    const tokens: [string, string] = [
      randomBytes(24).toString('hex'),
      randomBytes(24).toString('hex'),
    ];
    await db.insert(sessions).values(
      tokens.map((t, k) => ({
        orgId,
        id: createHash('sha256').update(t).digest('hex'),
        personId: k === 0 ? managerId : employeeId,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    );
    pairs.push({ meetingId, pointId: randomUUID(), tokens });
  }
  await database.close();

  const server = spawn(process.execPath, ['bin/samtal.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SAMTAL_WORKERS: 'false',
      COOKIE_SECRET: 'b'.repeat(40),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    server.stdout!.on(
      'data',
      (d: Buffer) => d.toString().includes('Samtal is running') && resolve(),
    ),
  );
  const base = `http://127.0.0.1:${PORT}`;
  const idle = procStats(server.pid!);

  console.log(`connecting ${2 * N} participants…`);
  const latencies: number[] = [];
  const clients: LiveMeeting[] = [];
  for (const p of pairs) {
    const queues: number[][] = [[], []];
    const lives = p.tokens.map((token, k) => {
      const live = new LiveMeeting({
        url: `ws://127.0.0.1:${PORT}/api/live/meetings/${p.meetingId}`,
        createSocket: (url) =>
          new WebSocket(url, {
            headers: { cookie: `samtal_session=${token}`, origin: base },
          }) as unknown as SocketLike,
      });
      // Keystrokes of the other participant: latency from their send to arrival here.
      live.doc.getText(noteTextName(p.pointId, 'body')).observe((e, tr) => {
        if (tr.origin !== live) return;
        for (const op of e.delta)
          if (typeof op.insert === 'string')
            for (let c = 0; c < op.insert.length; c++) {
              const t0 = queues[1 - k]!.shift();
              if (t0 !== undefined) latencies.push(performance.now() - t0);
            }
      });
      return live;
    });
    clients.push(...lives);
    (p as unknown as { lives: LiveMeeting[]; queues: number[][] }).lives = lives;
    (p as unknown as { queues: number[][] }).queues = queues;
  }
  const deadline = Date.now() + 60_000;
  while (clients.some((c) => c.status !== 'live') && Date.now() < deadline) await sleep(100);
  const connected = clients.filter((c) => c.status === 'live').length;
  const before = procStats(server.pid!);

  console.log(`typing for ${SECONDS}s at ${RATE}/s per participant…`);
  // Each participant types at its own phase of the interval, as people do, rather than all
  // thousand in the same millisecond (which measures a burst, not typing).
  const interval = 1000 / RATE;
  const typists = pairs.flatMap((p) => {
    const { lives, queues } = p as unknown as { lives: LiveMeeting[]; queues: number[][] };
    return lives.map((live, k) => ({ p, live, queue: queues[k]!, k }));
  });
  const startedAt = Date.now();
  const next = typists.map((_, i) => startedAt + (i / typists.length) * interval);
  const end = startedAt + SECONDS * 1000;
  const clientCpuBefore = process.cpuUsage();
  let sent = 0;
  while (Date.now() < end) {
    const now = Date.now();
    typists.forEach(({ p, live, queue, k }, i) => {
      if (next[i]! > now) return;
      next[i]! += interval;
      const text = live.doc.getText(noteTextName(p.pointId, 'body'));
      queue.push(performance.now());
      text.insert(text.length, k === 0 ? 'm' : 'e');
      sent++;
    });
    await sleep(2);
  }
  await sleep(2000);
  const after = procStats(server.pid!);
  const usage = process.cpuUsage(clientCpuBefore);
  const clientCpu = (usage.user + usage.system) / 1000;
  for (const c of clients) c.destroy();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();

  latencies.sort((a, b) => a - b);
  const result = {
    at: new Date().toISOString(),
    meetings: N,
    participants: 2 * N,
    connected,
    seconds: SECONDS,
    keystrokesPerParticipantPerSecond: RATE,
    keystrokesSent: sent,
    keystrokesReceived: latencies.length,
    latencyMs: { p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? 0 },
    serverRssMb: { idle: idle.rssMb, connected: before.rssMb, end: after.rssMb },
    serverCpuPercentWhileTyping: ((after.cpuMs - before.cpuMs) / (SECONDS * 1000 + 2000)) * 100,
    /** The benchmark's own process: the thousand simulated browsers. */
    clientCpuPercentWhileTyping: (clientCpu / (SECONDS * 1000 + 2000)) * 100,
    nodeVersion: process.version,
  };
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.at.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `live-${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = `# Live meetings benchmark (${result.at})

${N} meetings, ${2 * N} participants (${connected} connected), each typing ${RATE} keystroke/s for ${SECONDS} s
(each at its own phase of the second), against one \`samtal serve\` on PostgreSQL, on this machine
(${process.version}); server, PostgreSQL and the simulated browsers share its 2 cores.

| measure | value |
| --- | --- |
| keystrokes sent / received by the other participant | ${sent} / ${latencies.length} |
| latency p50 / p99 / max (ms) | ${result.latencyMs.p50.toFixed(1)} / ${result.latencyMs.p99.toFixed(1)} / ${result.latencyMs.max.toFixed(1)} |
| server RSS idle / connected / end (MB) | ${idle.rssMb.toFixed(0)} / ${before.rssMb.toFixed(0)} / ${after.rssMb.toFixed(0)} |
| server CPU while typing (% of one core) | ${result.serverCpuPercentWhileTyping.toFixed(0)} |
| benchmark client CPU while typing (% of one core; ${2 * N} simulated browsers) | ${result.clientCpuPercentWhileTyping.toFixed(0)} |
`;
  fs.writeFileSync(path.join(dir, `live-${stamp}.md`), md);
  console.log(md);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
