import { normaliseTopic } from '../../domain/one-on-one/reflection';
import { z } from 'zod';
import { isOverdue } from '../../domain/one-on-one/actions';
import type { MinutesContent } from '../../domain/one-on-one/minutes';
import type { ActionRow } from '../repositories/one-on-one-action.repository';
import type { MinutesRow, ReflectionRow } from '../repositories/one-on-one-minutes.repository';
import { ActionDto, MinutesSchema } from '../../contracts/one-on-ones';

export function presentAction(a: ActionRow, ownerTimeZone: string, now: Date): ActionDto {
  return {
    id: a.id,
    seriesId: a.seriesId,
    meetingId: a.meetingId,
    pointId: a.pointId,
    title: a.title,
    ownerId: a.ownerId,
    ownerRole: a.ownerId === a.managerId ? 'manager' : 'employee',
    dueDate: a.dueDate,
    done: a.doneAt !== null,
    doneAt: a.doneAt?.toISOString() ?? null,
    overdue: isOverdue(a, ownerTimeZone, now),
    createdAt: a.createdAt.toISOString(),
  };
}

export function presentMinutes(m: MinutesRow): z.infer<typeof MinutesSchema> {
  return {
    meetingId: m.meetingId,
    seriesId: m.seriesId,
    locale: m.locale,
    createdAt: m.createdAt.toISOString(),
    acknowledgedAt: m.acknowledgedAt?.toISOString() ?? null,
    content: m.content satisfies MinutesContent,
  };
}

export function presentReflection(r: ReflectionRow, employeeName?: string) {
  return {
    meetingId: r.meetingId,
    meetingStartsAt: r.meetingStartsAt.toISOString(),
    topics: r.topics.map(normaliseTopic),
    notes: r.notes,
    sealed:
      r.ciphertext && r.iv && r.keyVersion
        ? { ciphertext: r.ciphertext, iv: r.iv, keyVersion: r.keyVersion }
        : null,
    updatedAt: r.updatedAt.toISOString(),
    ...(employeeName !== undefined ? { employeeName } : {}),
  };
}
