/** The people import (CSV): the summary, and the problems of a bad file. */
import { z } from 'zod';

export const ImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  departmentsCreated: z.number().int(),
  total: z.number().int(),
});

export const ImportIssueSchema = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
