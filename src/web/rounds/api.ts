/**
 * The calls of HR's rounds and conversation-template pages, their types (type-only from the
 * server's zod schemas) and cache keys. Every key starts with "rounds".
 */
import type { z } from 'zod';
import type { RoundInput } from '../../domain/development/round';
import type { ConversationTemplateInput } from '../../domain/development/template-file';
import type {
  ConversationTemplateDetailSchema,
  ConversationTemplateSummarySchema,
} from '../../contracts/conversation-templates';
import type {
  NewcomersIncludedSchema,
  ProgressPageSchema,
  RoundDetailSchema,
  RoundDtoSchema,
  RoundOpenedSchema,
} from '../../contracts/rounds';
import { http, type Page } from '../api';

export type Round = z.infer<typeof RoundDtoSchema>;
export type RoundDetail = z.infer<typeof RoundDetailSchema>;
export type RoundOpened = z.infer<typeof RoundOpenedSchema>;
export type NewcomersIncluded = z.infer<typeof NewcomersIncludedSchema>;
export type ProgressPage = z.infer<typeof ProgressPageSchema>;
export type Counts = Round['counts'];
export type TemplateSummary = z.infer<typeof ConversationTemplateSummarySchema>;
export type TemplateDetail = z.infer<typeof ConversationTemplateDetailSchema>;
export type { RoundInput, ConversationTemplateInput };

export const STATUS_ORDER = ['not_booked', 'booked', 'held', 'closed', 'signed'] as const;

export const roundKeys = {
  all: ['rounds'] as const,
  list: () => ['rounds', 'list'] as const,
  /** The latest rounds a development round can put first (first page only). */
  salaryChoices: () => ['rounds', 'salary-choices'] as const,
  /**
   * HR home's open rounds (first page only). A key of its own: under `list()` the rounds
   * page's infinite query would read this plain page as pages and crash.
   */
  homeCard: () => ['rounds', 'home-card'] as const,
  round: (id: string) => ['rounds', 'round', id] as const,
  progress: (id: string, by: string) => ['rounds', 'progress', id, by] as const,
  templates: (archived: boolean) => ['rounds', 'templates', archived] as const,
  template: (id: string) => ['rounds', 'template', id] as const,
};

export const roundsApi = {
  list: (cursor?: string | null) => http.get<Page<Round>>('/api/rounds', { cursor }),
  get: (id: string) => http.get<RoundDetail>(`/api/rounds/${id}`),
  open: (input: RoundInput) => http.post<RoundOpened>('/api/rounds', input),
  progress: (id: string, by: 'department' | 'manager', limit: number, offset: number) =>
    http.get<ProgressPage>(`/api/rounds/${id}/progress?by=${by}&limit=${limit}&offset=${offset}`),
  setClosed: (id: string, closed: boolean) =>
    http.patch<RoundDetail>(`/api/rounds/${id}`, { closed }),
  includeNewcomers: (id: string) => http.post<NewcomersIncluded>(`/api/rounds/${id}/newcomers`),
  remind: (id: string) => http.post<{ mailed: number }>(`/api/rounds/${id}/remind`),

  templates: (archived = false) =>
    http.get<{ items: TemplateSummary[] }>(`/api/conversation-templates?archived=${archived}`),
  template: (id: string) => http.get<TemplateDetail>(`/api/conversation-templates/${id}`),
  createTemplate: (input: ConversationTemplateInput) =>
    http.post<TemplateDetail>('/api/conversation-templates', input),
  updateTemplate: (id: string, input: ConversationTemplateInput & { baseVersion: number }) =>
    http.put<TemplateDetail>(`/api/conversation-templates/${id}`, input),
  copyTemplate: (id: string) => http.post<TemplateDetail>(`/api/conversation-templates/${id}/copy`),
  archiveTemplate: (id: string, archived: boolean) =>
    http.patch<TemplateDetail>(`/api/conversation-templates/${id}`, { archived }),
  importTemplate: (file: unknown) =>
    http.post<TemplateDetail>('/api/conversation-templates/import', file),
  exportUrl: (id: string) => `/api/conversation-templates/${id}/export`,
};
