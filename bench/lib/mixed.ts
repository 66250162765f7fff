/**
 * Mixed load (decision 021): many simulated people using Samtal at once, each in their own
 * rhythm: open their home, open their 1:1, add a topic, write in the note of that topic, tick
 * their action, with a pause to read and think between two steps. Open loop per person, so a
 * slow server makes the people wait (latency), not fewer people come.
 *
 * Each person writes only what they made themselves (their own topic's note, their own
 * action), so writes never conflict and every error counts.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export type MixedUser = { cookie: string; csrf: { cookie: string; token: string } };

type Step = 'home' | 'meeting' | 'addTopic' | 'note' | 'tick' | 'actions';

/** The mix: what a person does how often (weights), as in a working day with 1:1s. */
const MIX: [Step, number][] = [
  ['home', 30],
  ['meeting', 35],
  ['actions', 5],
  ['addTopic', 8],
  ['note', 17],
  ['tick', 5],
];

export type MixedResult = {
  users: number;
  seconds: number;
  thinkSeconds: number;
  rampSeconds: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  perStep: Record<string, { requests: number; p50: number; p99: number; errors: number }>;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** Deterministic pseudo-random numbers (mulberry32), so runs repeat. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `users` simulated people against `url`, cycling over `sessions` (several people may
 * share one account, like several tabs). They arrive spread evenly over `rampSeconds` (people
 * do not all open Samtal in the same instant: with 200 arriving within two seconds, each with
 * three requests to set up, the first seconds' queue was all of the run's slow requests), then
 * all of them work for `seconds`. Think time is exponential with mean `thinkSeconds`. Every
 * request counts, the arrivals' included.
 */
export async function runMixed(
  url: string,
  sessions: MixedUser[],
  opts: {
    users: number;
    seconds: number;
    thinkSeconds: number;
    rampSeconds?: number;
    log?: (l: string) => void;
  },
): Promise<MixedResult> {
  const ramp = opts.rampSeconds ?? 0;
  const latencies: number[] = [];
  const perStep = new Map<string, { lat: number[]; errors: number }>();
  const statuses: Record<string, number> = {};
  let errors = 0;
  let stopAt = 0;

  async function call(
    step: Step | 'setup',
    user: MixedUser,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { cookie: user.cookie };
    if (method !== 'GET') {
      headers.cookie = `${user.cookie}; ${user.csrf.cookie}`;
      headers['x-csrf-token'] = user.csrf.token;
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    let status = 0;
    let json: unknown = null;
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      json = await res.json().catch(() => null);
    } catch {
      status = 0;
    }
    const ms = performance.now() - started;
    if (step !== 'setup') {
      latencies.push(ms);
      const s = perStep.get(step) ?? { lat: [], errors: 0 };
      s.lat.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status < 200 || status >= 300) {
        errors++;
        s.errors++;
      }
      perStep.set(step, s);
    }
    return { status, json };
  }

  async function person(index: number) {
    const user = sessions[index % sessions.length]!;
    const rand = random(index + 1);
    // Arrive in turn over the ramp, with a little jitter.
    await sleep(((index + rand()) / opts.users) * ramp * 1000);
    // What this person works with: their next (or a recent) 1:1, a topic and an action of their own.
    const home = (await call('setup', user, 'GET', '/api/pages/home')).json as {
      me?: { id: string };
      mine?: { nextMeeting?: { id: string } | null } | null;
      overview?: { items: { nextMeeting: { id: string } | null }[] } | null;
    } | null;
    const meetingId =
      home?.mine?.nextMeeting?.id ??
      home?.overview?.items.find((x) => x.nextMeeting)?.nextMeeting?.id ??
      null;
    let pointId: string | null = null;
    let actionId: string | null = null;
    let noteVersion = 0;
    let done = false;
    if (meetingId && home?.me) {
      const point = await call(
        'setup',
        user,
        'POST',
        `/api/one-on-ones/meetings/${meetingId}/points`,
        {
          title: `bench: mixed ${index}`,
        },
      );
      pointId = point.status === 201 ? (point.json as { id: string }).id : null;
      const action = await call(
        'setup',
        user,
        'POST',
        `/api/one-on-ones/meetings/${meetingId}/actions`,
        {
          title: `bench: mixed ${index}`,
          ownerId: home.me.id,
        },
      );
      actionId = action.status === 201 ? (action.json as { id: string }).id : null;
    }
    const total = MIX.reduce((n, [, w]) => n + w, 0);
    let n = 0;
    while (performance.now() < stopAt) {
      let pick = rand() * total;
      let step: Step = 'home';
      for (const [s, w] of MIX) {
        if ((pick -= w) < 0) {
          step = s;
          break;
        }
      }
      if (!meetingId && step !== 'home' && step !== 'actions') step = 'home';
      n++;
      switch (step) {
        case 'home':
          await call(step, user, 'GET', '/api/pages/home');
          break;
        case 'actions':
          await call(step, user, 'GET', '/api/actions');
          break;
        case 'meeting':
          await call(step, user, 'GET', `/api/pages/meeting/${meetingId}`);
          break;
        case 'addTopic':
          await call(step, user, 'POST', `/api/one-on-ones/meetings/${meetingId}/points`, {
            title: `bench: mixed ${index}.${n}`,
          });
          break;
        case 'note':
          if (pointId) {
            const res = await call(step, user, 'PUT', `/api/one-on-ones/points/${pointId}/note`, {
              body: `bench: ${index}.${n} Vi pratade om kursen och om schemat för hösten.`,
              decision: '',
              baseVersion: noteVersion,
            });
            const v = (res.json as { note?: { version: number } } | null)?.note?.version;
            if (v !== undefined) noteVersion = v;
          }
          break;
        case 'tick':
          if (actionId) {
            done = !done;
            await call(step, user, 'PATCH', `/api/actions/${actionId}`, { done });
          }
          break;
      }
      // Reading and thinking: exponential, mean thinkSeconds, at most five times that.
      const think = Math.min(-Math.log(1 - rand()) * opts.thinkSeconds, 5 * opts.thinkSeconds);
      await sleep(think * 1000);
    }
  }

  stopAt = performance.now() + (ramp + opts.seconds) * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.users }, (_, i) => person(i)));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    users: opts.users,
    seconds: round(elapsed),
    thinkSeconds: opts.thinkSeconds,
    rampSeconds: ramp,
    requests: latencies.length,
    errors,
    statuses,
    rps: round(latencies.length / elapsed),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    },
    perStep: Object.fromEntries(
      [...perStep].map(([k, v]) => {
        const s = [...v.lat].sort((a, b) => a - b);
        return [
          k,
          {
            requests: s.length,
            p50: round(percentile(s, 50)),
            p99: round(percentile(s, 99)),
            errors: v.errors,
          },
        ];
      }),
    ),
  };
}

/** The result as Markdown lines. */
export function mixedMarkdown(title: string, r: MixedResult, target: string): string[] {
  return [
    `### ${title}`,
    '',
    `${r.users} simulated people arriving over ${r.rampSeconds} s, for ${r.seconds} s in all, think time ${r.thinkSeconds} s on average: ` +
      `${r.requests.toLocaleString('en-US')} requests (${r.rps} req/s), ${r.errors} errors ` +
      `(statuses ${JSON.stringify(r.statuses)}); p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, ` +
      `p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms. Target: ${target}.`,
    '',
    '| step | requests | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...Object.entries(r.perStep).map(
      ([k, v]) => `| ${k} | ${v.requests} | ${v.p50} | ${v.p99} | ${v.errors} |`,
    ),
    '',
  ];
}
