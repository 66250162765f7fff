import type { ComponentType } from 'react';
import { withCatalogs } from '../components/catalogs';

/** People: the round form picks a manager with the person picker. */
const NS = ['rounds', 'people'] as const;

/** Only HR opens these pages, so the rounds catalog is not part of everyone's first load. */
export function withRoundsCatalog<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return withCatalogs(NS, Page);
}
