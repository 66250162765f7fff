/**
 * The routes measured, as a person uses them. Every request takes the next user and row from a
 * list, so load spreads over many people, meetings and points as in real use.
 */
import type { Fixtures, Target } from './fixtures';
import type { Call, Scenario } from './measure';

export type Csrf = { cookie: string; token: string };

function cycle<T>(items: T[]): () => T {
  if (items.length === 0) throw new Error('nothing to benchmark with: the sample is empty');
  let i = 0;
  return () => items[i++ % items.length]!;
}

/**
 * A cycle per client over the items whose index falls to that client (i mod connections):
 * no two clients ever take the same item, so concurrent writes never meet on one row.
 */
function perClient<T>(items: T[], connections: number): (client: number) => T {
  if (items.length < connections)
    throw new Error(
      `need at least ${connections} targets for separate writers, have ${items.length}`,
    );
  const cursors = new Map<number, number>();
  return (client) => {
    const own = Math.ceil((items.length - client) / connections);
    const k = cursors.get(client) ?? 0;
    cursors.set(client, k + 1);
    return items[client + (k % own) * connections]!;
  };
}

const json = { 'content-type': 'application/json' };

/** HR looks people up by part of a name, a surname, an employee number or the mail domain. */
const HR_SEARCHES = [
  'berg',
  'Jensen',
  'åsa',
  'søren',
  'hans',
  'lund',
  'B0123',
  'ahmadi',
  'kommun',
  'Ida',
];

/** The bare route of the same server: no session, no database. */
export function baseline(): Scenario {
  return {
    key: 'baseline',
    name: 'baseline: GET /api/ping',
    what: 'the framework floor (no session, no database)',
    next: () => ({ method: 'GET', path: '/api/ping', headers: {} }),
  };
}

/** Action ids the tick scenario touched, for resetWrites. */
export const tickedActions = new Set<string>();

/** Every scenario but the baseline, in the order they run (reads first, writes last). */
export function scenarios(
  f: Fixtures,
  csrf: Csrf,
  password: string,
  connections: number,
): Scenario[] {
  const write = (t: Target, extra: Record<string, string> = json) => ({
    cookie: `${t.user.cookie}; ${csrf.cookie}`,
    'x-csrf-token': csrf.token,
    ...extra,
  });
  const get = (
    key: string,
    name: string,
    what: string,
    path: (i: number) => string,
    users: { cookie: string }[],
  ): Scenario => {
    const user = cycle(users.map((u, i) => ({ u, i })));
    return {
      key,
      name,
      what,
      next: () => {
        const { u, i } = user();
        return { method: 'GET', path: path(i), headers: { cookie: u.cookie } };
      },
    };
  };

  const meeting = cycle(f.meetingPages);
  const email = cycle(f.emails);
  const search = cycle(HR_SEARCHES);
  const hr = cycle(f.hr);
  const addPoint = cycle(f.addPoint);
  // Each run writes points of its own (see Scenario.measuring): the warm-up, the measured run,
  // and the single-user runs after it, so none starts from a version a cut-off run moved on.
  const reserved = f.notePoints.slice(-Math.max(1, Math.floor(f.notePoints.length / 10)));
  const shared = f.notePoints.slice(0, f.notePoints.length - reserved.length);
  const half = Math.floor(shared.length / 2);
  const split = half >= connections;
  const warmNotes = perClient(split ? shared.slice(0, half) : f.notePoints, connections);
  const noteRuns = [
    split ? perClient(shared.slice(half), connections) : warmNotes,
    perClient(reserved, 1),
  ];
  let notePoint = warmNotes;
  const versions = new Map<string, number>();
  const tick = perClient(f.actions, connections);
  const done = new Map<string, boolean>();
  const page = cycle(f.meetingPages);
  const managerHome = cycle(f.managers);
  const employeeHome = cycle(f.employees);
  // The meeting page as the web app opened it before decision 021: five requests in a row.
  const oldPageSteps = new Map<number, { t: (typeof f.meetingPages)[number]; step: number }>();
  const finish = cycle(f.finish);
  let n = 0;

  return [
    {
      key: 'meetingPage',
      name: 'meeting page, whole: GET /api/pages/meeting/:id',
      what: 'every request the first render of the meeting page makes: one (meeting, agenda, notes, actions, check-in, own private note, goals, who is signed in)',
      next: () => {
        const t = page();
        return {
          method: 'GET',
          path: `/api/pages/meeting/${t.id}`,
          headers: { cookie: t.user.cookie },
        };
      },
    },
    {
      key: 'meetingPageBefore',
      name: 'meeting page as five requests (before decision 021)',
      what: 'the five requests the first render made before: /api/me, the meeting, its check-in, the private note, the goals; CPU and rate per page',
      requestsPerPage: 5,
      next: (client) => {
        let s = oldPageSteps.get(client);
        if (!s || s.step === 5) s = { t: page(), step: 0 };
        oldPageSteps.set(client, { t: s.t, step: s.step + 1 });
        const id = s.t.id;
        const path = [
          '/api/me',
          `/api/one-on-ones/meetings/${id}`,
          `/api/one-on-ones/meetings/${id}/check-in`,
          `/api/one-on-ones/meetings/${id}/private-note`,
          `/api/goals?with=${s.t.otherId}`,
        ][s.step]!;
        return { method: 'GET', path, headers: { cookie: s.t.user.cookie } };
      },
    },
    {
      key: 'managerHome',
      name: 'manager home, whole: GET /api/pages/home',
      what: "every request the first render of a manager's home makes: one (team, overview, own 1:1s, conversations, today's meetings)",
      next: () => ({
        method: 'GET',
        path: '/api/pages/home',
        headers: { cookie: managerHome().cookie },
      }),
    },
    {
      key: 'employeeHome',
      name: 'employee home, whole: GET /api/pages/home',
      what: "every request the first render of an employee's home makes: one (own 1:1s, actions, minutes, conversations, own details, units)",
      next: () => ({
        method: 'GET',
        path: '/api/pages/home',
        headers: { cookie: employeeHome().cookie },
      }),
    },
    {
      key: 'meeting',
      name: 'meeting page: GET /api/one-on-ones/meetings/:id',
      what: 'agenda with shared notes, follow-up actions, actions, next meeting (next and last meeting of many pairs)',
      next: () => {
        const t = meeting();
        return {
          method: 'GET',
          path: `/api/one-on-ones/meetings/${t.id}`,
          headers: { cookie: t.user.cookie },
        };
      },
    },
    get(
      'overview',
      'manager home: GET /api/one-on-ones/overview',
      'every direct report: next and last 1:1, open and overdue actions',
      () => '/api/one-on-ones/overview',
      f.managers,
    ),
    get(
      'team',
      'manager home: GET /api/team',
      'the direct reports with unit and manager names',
      () => '/api/team',
      f.managers,
    ),
    get(
      'mine',
      'employee home: GET /api/one-on-ones/mine',
      'own series, next 1:1, open actions, last 10 minutes',
      () => '/api/one-on-ones/mine',
      f.employees,
    ),
    get(
      'actions',
      'employee home: GET /api/actions',
      'own open actions, first page',
      () => '/api/actions',
      f.employees,
    ),
    {
      key: 'hr',
      name: 'HR page: GET /api/people?limit=50&search=…',
      what: 'one page of a people search',
      next: () => ({
        method: 'GET',
        path: `/api/people?limit=50&search=${encodeURIComponent(search())}`,
        headers: { cookie: hr().cookie },
      }),
    },
    {
      key: 'statistics',
      name: 'HR statistics: GET /api/statistics',
      what:
        'the statistics page as HR opens it: 1:1s, people without a 1:1, actions and conversations ' +
        'of the whole organisation per unit and manager, wellbeing of the last closed quarter; 8 connections',
      connections: 8,
      next: () => ({ method: 'GET', path: '/api/statistics', headers: { cookie: hr().cookie } }),
    },
    {
      key: 'addPoint',
      name: 'add a talking point: POST /api/one-on-ones/meetings/:id/points',
      what: 'one of the pair adds a topic to an upcoming meeting',
      next: () => {
        const t = addPoint();
        return {
          method: 'POST',
          path: `/api/one-on-ones/meetings/${t.id}/points`,
          headers: write(t),
          body: JSON.stringify({ title: `bench: topic ${++n}` }),
        };
      },
    },
    {
      key: 'note',
      name: 'save a shared note: PUT /api/one-on-ones/points/:id/note',
      what: 'one of the pair saves the note of an agenda point (next version each time)',
      next: (client) => {
        const t = notePoint(client);
        const body =
          `bench: ${++n} Vi pratade om arbetsbelastningen och om schemat för hösten. ` +
          'Medarbetaren vill gå kursen i handledning; chefen undersöker budgeten.';
        return {
          method: 'PUT',
          path: `/api/one-on-ones/points/${t.id}/note`,
          headers: write(t),
          body: JSON.stringify({ body, decision: '', baseVersion: versions.get(t.id) ?? 0 }),
        };
      },
      measuring: () => {
        notePoint = noteRuns.shift() ?? notePoint;
      },
      onResponse: (call: Call, status: number, text: string) => {
        const id = call.path.split('/')[4]!;
        try {
          const b = JSON.parse(text) as {
            note?: { version: number };
            error?: { details?: { current?: { version: number } } };
          };
          const v = status === 200 ? b.note?.version : b.error?.details?.current?.version;
          if (v !== undefined) versions.set(id, v);
        } catch {
          // not JSON: counted as an error by autocannon's status codes already
        }
      },
    },
    {
      key: 'tick',
      name: 'tick an action: PATCH /api/actions/:id',
      what: 'the owner ticks an open action done (and the next time undone again); each connection its own actions',
      next: (client) => {
        const t = tick(client);
        const now = !(done.get(t.id) ?? false);
        done.set(t.id, now);
        tickedActions.add(t.id);
        return {
          method: 'PATCH',
          path: `/api/actions/${t.id}`,
          headers: write(t),
          body: JSON.stringify({ done: now }),
        };
      },
    },
    {
      key: 'finish',
      name: 'finish a meeting: POST /api/one-on-ones/meetings/:id/finish',
      what: 'the manager finishes a planned meeting: minutes built, mail queued (each meeting once)',
      once: f.finish.length,
      next: () => {
        const t = finish();
        return {
          method: 'POST',
          path: `/api/one-on-ones/meetings/${t.id}/finish`,
          headers: write(t, {}),
        };
      },
    },
    {
      key: 'signIn',
      name: 'sign-in: POST /api/auth/login',
      what: 'e-mail and password (argon2id, 64 MiB, ~0.2 s of one core): a new session; 4 connections, 16 sign-ins',
      connections: 4,
      amount: 16,
      next: () => ({
        method: 'POST',
        path: '/api/auth/login',
        headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token, ...json },
        body: JSON.stringify({ email: email(), password }),
      }),
    },
  ];
}
