import { z } from 'zod';
import { type Period, type Signal } from '../../domain/coaching/signals';
import { CoachingSchema } from '../../contracts/coaching';

export function presentCoaching(x: {
  period: Period;
  signals: Signal[];
  dismissed: number;
}): z.infer<typeof CoachingSchema> {
  return {
    period: {
      from: x.period.from.toISOString(),
      to: x.period.to.toISOString(),
      days: x.period.days,
    },
    signals: x.signals.map((s) => ({
      key: s.key,
      subject: s.subject,
      employeeName: s.employeeName,
      value: s.value,
      numbers: s.numbers,
    })),
    dismissed: x.dismissed,
  };
}
