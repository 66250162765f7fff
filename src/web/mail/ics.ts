/** Reading the few facts an admin wants from an iCalendar attachment (RFC 5545), without a library. */

/** A date-time as written in the file: a wall time in a zone, or a UTC instant. */
export type IcsTime = { wall: Date; timeZone: string | null; utc: boolean };

export type IcsEventSummary = {
  summary: string | null;
  start: IcsTime | null;
  end: IcsTime | null;
  location: string | null;
  status: string | null;
  organizer: string | null;
  attendees: string[];
  /** Weekly every n weeks, monthly, or another rule kept as written. */
  repeat: { freq: 'WEEKLY'; interval: number } | { freq: 'MONTHLY' } | { raw: string } | null;
  until: IcsTime | null;
  exdates: number;
  /** Set when the event changes one occurrence of a series. */
  recurrenceId: IcsTime | null;
};

export type IcsSummary = { method: string | null; events: IcsEventSummary[] };

type Line = { name: string; params: Record<string, string>; value: string };

/** Unfolds continuation lines and splits each into name, parameters and value. */
function lines(ics: string): Line[] {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const out: Line[] = [];
  for (const raw of unfolded.split(/\r?\n/)) {
    const colon = indexOutsideQuotes(raw, ':');
    if (colon < 0) continue;
    const [name = '', ...params] = splitOutsideQuotes(raw.slice(0, colon), ';');
    const p: Record<string, string> = {};
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq > 0) p[param.slice(0, eq).toUpperCase()] = param.slice(eq + 1).replace(/^"|"$/g, '');
    }
    out.push({ name: name.toUpperCase(), params: p, value: raw.slice(colon + 1) });
  }
  return out;
}

function indexOutsideQuotes(s: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') quoted = !quoted;
    else if (s[i] === ch && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(s: string, ch: string): string[] {
  const parts: string[] = [];
  let rest = s;
  for (let i = indexOutsideQuotes(rest, ch); i >= 0; i = indexOutsideQuotes(rest, ch)) {
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  parts.push(rest);
  return parts;
}

/** TEXT values escape commas, semicolons, backslashes and newlines. */
function text(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function time(line: Line | undefined): IcsTime | null {
  if (!line) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(line.value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', z] = m;
  return {
    wall: new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s)),
    timeZone: line.params.TZID ?? null,
    utc: !!z,
  };
}

function person(line: Line): string {
  const email = line.value.replace(/^mailto:/i, '');
  return line.params.CN ? `${line.params.CN} <${email}>` : email;
}

function repeatOf(rule: string | undefined): IcsEventSummary['repeat'] {
  if (!rule) return null;
  const parts = new Map(
    rule.split(';').map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.toUpperCase(), v] as const;
    }),
  );
  if (parts.get('FREQ') === 'WEEKLY')
    return { freq: 'WEEKLY', interval: Number(parts.get('INTERVAL') ?? 1) || 1 };
  if (parts.get('FREQ') === 'MONTHLY') return { freq: 'MONTHLY' };
  return { raw: rule };
}

/** The METHOD and each VEVENT's summary, time, place, people and repetition. */
export function summariseIcs(ics: string): IcsSummary {
  const all = lines(ics);
  const method = all.find((l) => l.name === 'METHOD')?.value ?? null;
  const events: IcsEventSummary[] = [];
  let current: Line[] | null = null;
  for (const l of all) {
    if (l.name === 'BEGIN' && l.value === 'VEVENT') current = [];
    else if (l.name === 'END' && l.value === 'VEVENT' && current) {
      const one = (name: string) => current!.find((x) => x.name === name);
      const rrule = one('RRULE')?.value;
      const until = rrule && /UNTIL=([0-9TZ]+)/.exec(rrule)?.[1];
      events.push({
        summary: one('SUMMARY') ? text(one('SUMMARY')!.value) : null,
        start: time(one('DTSTART')),
        end: time(one('DTEND')),
        location: one('LOCATION') ? text(one('LOCATION')!.value) : null,
        status: one('STATUS')?.value ?? null,
        organizer: one('ORGANIZER') ? person(one('ORGANIZER')!) : null,
        attendees: current.filter((x) => x.name === 'ATTENDEE').map(person),
        repeat: repeatOf(rrule),
        until: until ? time({ name: 'UNTIL', params: {}, value: until }) : null,
        exdates: current
          .filter((x) => x.name === 'EXDATE')
          .reduce((n, x) => n + x.value.split(',').length, 0),
        recurrenceId: time(one('RECURRENCE-ID')),
      });
      current = null;
    } else if (current) current.push(l);
  }
  return { method, events };
}
