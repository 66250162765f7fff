/** The HR statistics calls of the web app; types come from the server's zod schemas. */
import type { z } from 'zod';
import type {
  CompetenceNeedsDto,
  StatisticsDto,
  StatisticsQuerySchema,
  StatisticsRowDto,
} from '../../contracts/statistics';
import { http } from '../api';

export type Statistics = StatisticsDto;
export type StatisticsRow = StatisticsRowDto;
export type CompetenceNeeds = CompetenceNeedsDto;

/** The page's filters, as in its address (and the CSV export's). */
export type StatisticsFilters = Partial<z.infer<typeof StatisticsQuerySchema>>;

export const statisticsKeys = {
  all: ['statistics'] as const,
  page: (f: StatisticsFilters) => ['statistics', f] as const,
  needs: (department: string) => ['statistics', 'competence-needs', department] as const,
};

function query(f: StatisticsFilters) {
  return {
    period: f.period,
    weeks: f.weeks,
    round: f.round,
    department: f.department,
    manager: f.manager,
  };
}

export const statisticsApi = {
  get: (f: StatisticsFilters) => http.get<Statistics>('/api/statistics', query(f)),
  needs: (department: string) =>
    http.get<CompetenceNeeds>('/api/statistics/competence-needs', {
      department: department || undefined,
    }),
  /** The address of the CSV download of what the page shows. */
  csvHref(f: StatisticsFilters): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query(f)))
      if (v !== undefined && v !== '') params.set(k, String(v));
    const s = params.toString();
    return `/api/statistics/export.csv${s ? `?${s}` : ''}`;
  },
};
