/** The coaching calls of the web app: the signed-in manager's own signals only. */
import type { z } from 'zod';
import type { CoachingSchema } from '../../contracts/coaching';
import { http } from '../api';

export type Coaching = z.infer<typeof CoachingSchema>;
export type CoachingSignal = Coaching['signals'][number];

export const coachingApi = {
  signals: (days: number) => http.get<Coaching>('/api/coaching/signals', { days }),
  dismiss: (input: {
    key: CoachingSignal['key'];
    subject: string;
    days: number;
    forDays: number;
  }) => http.post<{ until: string }>('/api/coaching/dismissals', input),
};

export const coachingKeys = {
  all: ['coaching'] as const,
  signals: (days: number) => ['coaching', 'signals', days] as const,
};
