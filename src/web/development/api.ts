/**
 * The conversation calls of the web app, their types (from the shared contracts,
 * src/contracts) and cache keys. Every key starts with "conversations".
 */
import type { z } from 'zod';
import type {
  BookingInputSchema,
  ConversationListItemDto,
  ConversationPageDto,
} from '../../contracts/conversations';
import type { ActionDto } from '../../contracts/one-on-ones';
import type { PrivateNote, PrivateNoteContent, SharedNote, NoteText } from '../meetings/api';
import type { OwnConversationKind } from '../../domain/development/conversation';
import type { PLACE_KINDS } from '../../domain/one-on-one/place';
import { http, type Page } from '../api';
export { conversationKeys } from './keys';

export type ConversationItem = ConversationListItemDto;
export type ConversationPage = ConversationPageDto;
export type Preparation = NonNullable<ConversationPage['preparation']['mine']>;
export type AnswerValue = Preparation['answers'][string];
export type Answers = Record<string, AnswerValue | null>;
type TemplateSection = ConversationPage['template']['sections'][number];
export type TemplateQuestion = TemplateSection['questions'][number];
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type BookingInput = z.input<typeof BookingInputSchema>;

const P = '/api/conversations';
const id = encodeURIComponent;
/** The server stores only answered questions; empty ones are left out. */
const answered = (answers: Answers) =>
  Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== undefined));

export const conversationApi = {
  list: (as: 'manager' | 'employee', cursor?: string | null) =>
    http.get<Page<ConversationItem>>(P, { as, cursor, limit: 100 }),
  summary: () => http.get<{ toBook: number; upcoming: number }>(`${P}/summary`),
  page: (cid: string) => http.get<ConversationPage>(`${P}/${id(cid)}`),
  book: (cid: string, input: BookingInput) =>
    http.put<ConversationPage>(`${P}/${id(cid)}/booking`, input),
  cancel: (cid: string) => http.post<ConversationPage>(`${P}/${id(cid)}/booking/cancel`, {}),
  start: (cid: string, holdNow = false) =>
    http.post<ConversationPage>(`${P}/${id(cid)}/start`, { holdNow }),
  /** A conversation the manager books with a report on their own, outside any round. */
  bookOwn: (employeeId: string, kind: OwnConversationKind, booking: BookingInput) =>
    http.post<ConversationPage>(P, { employeeId, kind, booking }),
  bookFollowUp: (cid: string, input: BookingInput) =>
    http.post<ConversationPage>(`${P}/${id(cid)}/follow-up`, input),
  saveDraft: (cid: string, answers: Answers) =>
    http.put<Preparation>(`${P}/${id(cid)}/preparation`, { answers: answered(answers) }),
  submit: (cid: string, answers: Answers) =>
    http.post<Preparation>(`${P}/${id(cid)}/preparation/submit`, { answers: answered(answers) }),
  saveNote: (cid: string, pointId: string, text: NoteText, baseVersion: number) =>
    http.put<{ note: SharedNote; merged: boolean }>(
      `${P}/${id(cid)}/sections/${id(pointId)}/note`,
      { ...text, baseVersion },
    ),
  savePrivateNote: (cid: string, content: PrivateNoteContent, baseVersion: number) =>
    http.put<PrivateNote>(`${P}/${id(cid)}/private-note`, { ...content, baseVersion }),
  addAction: (cid: string, input: { title: string; ownerId: string; dueDate?: string | null }) =>
    http.post<ActionDto>(`${P}/${id(cid)}/actions`, input),
  updateAction: (cid: string, actionId: string, input: { done?: boolean }) =>
    http.patch<ActionDto>(`${P}/${id(cid)}/actions/${id(actionId)}`, input),
};
