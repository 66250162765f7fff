import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client';
import {
  checkIns,
  oneOnOneMeetings,
  oneOnOneSeries,
  taskReviewItems,
  taskReviews,
} from '../db/schema/index';
import { fillHeldMeeting, type HeldTopic, type Person } from './history';

const ZONE = 'Europe/Stockholm';
const EVERY_DAYS = 14;
const WEEKS_BACK = 24;

// Wellbeing, workload, progress per held meeting, oldest first: a slow dip as the workload
// grows, then some recovery; enough for the trend and the team view to say something.
const ANSWERS: [number, number, number][] = [
  [4, 3, 4],
  [4, 3, 3],
  [4, 4, 3],
  [3, 4, 3],
  [3, 5, 2],
  [2, 5, 2],
  [3, 4, 3],
  [3, 4, 3],
  [4, 3, 4],
];
// Which of the fortnightly slots (0 = oldest) were cancelled or moved: recent enough for the
// "cancelled or moved often" and "long gap" coaching signals to show for Maria.
const CANCELLED = new Set([8, 10]);
const MOVED = new Set([9]);

/**
 * Demo history for Maria Lindqvist and Ahmed Hassan (a pair no browser journey touches): a
 * fortnightly 1:1 series half a year back with check-ins, two cancellations and a moved
 * meeting, and two task-status reviews. Future meetings are planned lazily when read.
 */
export async function seedWellbeingDemo(
  tx: DbOrTx,
  orgId: string,
  pair: { managerId: string; employeeId: string },
  names?: { manager: Person; employee: Person },
): Promise<void> {
  const today = Temporal.Now.plainDateISO(ZONE);
  let first = today.subtract({ weeks: WEEKS_BACK });
  while (first.dayOfWeek !== 2) first = first.add({ days: 1 }); // Tuesdays
  const seriesId = randomUUID();
  const slots: Temporal.PlainDate[] = [];
  for (let d = first; Temporal.PlainDate.compare(d, today) < 0; d = d.add({ days: EVERY_DAYS }))
    slots.push(d);
  await tx.insert(oneOnOneSeries).values({
    orgId,
    id: seriesId,
    managerId: pair.managerId,
    employeeId: pair.employeeId,
    cadence: 'every_2_weeks',
    startDate: first.toString(),
    localTime: '09:00',
    timeZone: ZONE,
    durationMinutes: 20,
    placeKind: 'walk_and_talk',
    builtinTemplateKey: 'check-in',
    horizonUntil: slots[slots.length - 1]!.toString(),
  });
  // The latest held meeting gets the last answer; earlier ones start from the first.
  let answer = ANSWERS.length - slots.filter((_, i) => !CANCELLED.has(i)).length;
  const held: { id: string; startsAt: Date }[] = [];
  for (const [i, date] of slots.entries()) {
    const planned = instant(date, '09:00');
    const moved = MOVED.has(i);
    const startsAt = moved ? instant(date.add({ days: 2 }), '13:00') : planned;
    const cancelled = CANCELLED.has(i);
    const id = randomUUID();
    await tx.insert(oneOnOneMeetings).values({
      orgId,
      id,
      seriesId,
      managerId: pair.managerId,
      employeeId: pair.employeeId,
      seq: i + 1,
      localDate: (moved ? date.add({ days: 2 }) : date).toString(),
      timeZone: ZONE,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      originalStartsAt: moved ? planned : null,
      durationMinutes: 20,
      placeKind: 'walk_and_talk',
      status: cancelled ? 'cancelled' : 'held',
      statusReason: cancelled ? 'Krockade med ett ledningsmöte.' : null,
      statusChangedBy: cancelled ? pair.managerId : null,
      statusChangedAt: cancelled ? new Date(planned.getTime() - 86_400_000) : startsAt,
      heldAt: cancelled ? null : new Date(startsAt.getTime() + 20 * 60_000),
    });
    if (cancelled) continue;
    held.push({ id, startsAt });
    const [wellbeing, workload, progress] = ANSWERS[Math.max(0, answer++)]!;
    await tx.insert(checkIns).values({
      orgId,
      id: randomUUID(),
      meetingId: id,
      seriesId,
      managerId: pair.managerId,
      employeeId: pair.employeeId,
      meetingStartsAt: startsAt,
      wellbeing,
      workload,
      progress,
      comment: workload >= 5 ? 'Mycket att göra med schemat just nu.' : '',
      answeredBy: pair.employeeId,
    });
  }
  await seedTaskReviews(tx, orgId, seriesId, pair, held[2]);
  if (!names) return;
  // Every other held meeting, newest first, has what the pair talked about, decided and
  // agreed to do: half a year of 1:1s is more than check-ins. The newest minutes are unread.
  const series = { builtinTemplateKey: 'check-in', templateId: null };
  for (const [i, topics] of TALKS.entries()) {
    const m = held[held.length - 1 - i * 2];
    if (!m) break;
    await fillHeldMeeting(
      tx,
      orgId,
      { id: m.id, seriesId, startsAt: m.startsAt, timeZone: ZONE },
      series,
      names,
      topics,
      { unread: i === 0 },
    );
  }
}

/** Topics of the held meetings, newest first, in Swedish as the pair speaks. */
const TALKS: HeldTopic[][] = [
  [
    {
      title: 'Schemat tar för mycket tid',
      by: 'employee',
      notes: 'Schemaläggningen tar nu en fjärdedel av veckan, mest på söndagskvällar.',
      decision: 'Sara tar schemat varannan vecka från nästa månad.',
      action: { title: 'Prata med Sara om att dela på schemat', owner: 'manager', dueInDays: 7 },
    },
    {
      title: 'Handledning av nyanställda',
      by: 'manager',
      notes: 'Ahmed vill gärna fortsätta handleda, men inte samma veckor som schemat.',
      decision: 'Ahmed handleder nästa nyanställda i januari.',
      action: {
        title: 'Skriva ner checklistan för första veckan',
        owner: 'employee',
        dueInDays: 21,
      },
    },
  ],
  [
    {
      title: 'Semesterplanering',
      by: 'employee',
      notes: 'Önskar två veckor i följd i juli.',
      decision: 'Ahmed lägger in önskemålet i systemet före den 15:e.',
      action: {
        title: 'Lägga in semesterönskemål',
        owner: 'employee',
        dueInDays: 10,
        doneAfterDays: 6,
      },
    },
  ],
  [
    {
      title: 'Arbetsbelastningen',
      by: 'manager',
      notes: 'Två tunga veckor i rad med sjukfrånvaro i gruppen. Raster har strukits.',
      decision: 'Vi tar in timvikarie vid mer än en sjukanmälan samma dag.',
      action: {
        title: 'Boka timvikarie för helgerna',
        owner: 'manager',
        dueInDays: 3,
        doneAfterDays: 2,
      },
    },
  ],
  [
    {
      title: 'Kurs i demensvård',
      by: 'employee',
      notes: 'Regionen ger en kurs i höst, två dagar.',
      decision: 'Ahmed går kursen; Maria ordnar ersättare.',
      action: {
        title: 'Anmäla Ahmed till kursen',
        owner: 'manager',
        dueInDays: 14,
        doneAfterDays: 5,
      },
    },
  ],
];

async function seedTaskReviews(
  tx: DbOrTx,
  orgId: string,
  seriesId: string,
  pair: { managerId: string; employeeId: string },
  reviewedIn: { id: string; startsAt: Date } | undefined,
) {
  const firstId = randomUUID();
  const secondId = randomUUID();
  const base = { orgId, seriesId, ...pair, createdBy: pair.employeeId };
  await tx.insert(taskReviews).values([
    {
      ...base,
      id: firstId,
      meetingId: reviewedIn?.id ?? null,
      reviewedAt: reviewedIn?.startsAt ?? new Date(),
      // Written in the week before the 1:1 it was gone through in: started before reviewed.
      createdAt: new Date((reviewedIn?.startsAt.getTime() ?? Date.now()) - 7 * 86_400_000),
    },
    { ...base, id: secondId, previousReviewId: firstId },
  ]);
  const tasks = [
    ['Morgonbesök hos brukare', 'daily', 50, 3, ''],
    ['Dokumentation i journalen', 'daily', 20, 2, ''],
    ['Schemaläggning för teamet', 'weekly', 10, 4, 'Genomgång av schemaverktyget'],
    ['Introduktion av nyanställda', 'monthly', 5, 3, ''],
  ] as const;
  const firstItems = tasks.map(([title, frequency, share, demand, support], position) => ({
    orgId,
    id: randomUUID(),
    reviewId: firstId,
    position,
    title,
    frequency,
    timeSharePercent: share,
    demand,
    support,
  }));
  await tx.insert(taskReviewItems).values(firstItems);
  // The new review, copied from the first: scheduling grew, introductions were dropped.
  await tx.insert(taskReviewItems).values([
    {
      ...firstItems[0]!,
      id: randomUUID(),
      reviewId: secondId,
      copiedFromItemId: firstItems[0]!.id,
      timeSharePercent: 45,
    },
    {
      ...firstItems[1]!,
      id: randomUUID(),
      reviewId: secondId,
      copiedFromItemId: firstItems[1]!.id,
    },
    {
      ...firstItems[2]!,
      id: randomUUID(),
      reviewId: secondId,
      copiedFromItemId: firstItems[2]!.id,
      timeSharePercent: 25,
      demand: 5,
      support: 'Någon som kan ta schemat varannan vecka',
    },
  ]);
}

function instant(date: Temporal.PlainDate, time: string): Date {
  const zdt = date.toZonedDateTime({ timeZone: ZONE, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zdt.epochMilliseconds);
}
