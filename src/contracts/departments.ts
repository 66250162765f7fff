/** Departments (units) with how many people each has. */
import { z } from 'zod';

export const DepartmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  people: z.number().int(),
});
