import { z } from 'zod';
import type { RoundRow, StatusCounts } from '../repositories/round.repository';
import { RoundDtoSchema } from '../../contracts/rounds';

const zeroCounts: StatusCounts = {
  not_booked: 0,
  booked: 0,
  held: 0,
  closed: 0,
  signed: 0,
  total: 0,
};

export function presentRound(r: RoundRow, counts?: StatusCounts): z.infer<typeof RoundDtoSchema> {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    deadline: r.deadline,
    scope: r.scope,
    templateVersionId: r.templateVersionId,
    salaryFirst:
      r.salaryRoundId && r.salaryFirst ? { roundId: r.salaryRoundId, rule: r.salaryFirst } : null,
    closed: r.closedAt !== null,
    createdAt: r.createdAt.toISOString(),
    counts: counts ?? zeroCounts,
  };
}
