/** Shared queries and their cache keys, so every page reads and invalidates the same entries. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { departmentPaths } from './department-tree';

export const keys = {
  people: ['people'] as const,
  person: (id: string) => ['person', id] as const,
  team: ['team'] as const,
  departments: ['departments'] as const,
  sessions: ['sessions'] as const,
};

/** The department list. */
export function useDepartments() {
  return useQuery({ queryKey: keys.departments, queryFn: api.departments, staleTime: 60_000 });
}

/** Departments in tree order with their "Parent › Child" paths, and a lookup by id. */
export function useDepartmentPaths() {
  const { i18n } = useTranslation();
  const query = useDepartments();
  const items = query.data?.items;
  const paths = useMemo(() => departmentPaths(items ?? [], i18n.language), [items, i18n.language]);
  const pathOf = useMemo(() => new Map(paths.map((p) => [p.department.id, p.path])), [paths]);
  return { ...query, paths, pathOf };
}

/** The signed-in person's direct reports. */
export function useTeam() {
  return useQuery({ queryKey: keys.team, queryFn: api.team });
}
