import type { ComponentType } from 'react';
import { withCatalogs } from '../components/catalogs';

/** The goals catalog serves the conversation's panels, so the pages load both. */
const NS = ['conversations', 'goals'] as const;
const GOALS_NS = ['goals'] as const;

/**
 * Shows `Page` once the conversations catalog is loaded: it is not part of the first load
 * (the homes' card takes its texts from the home catalog).
 */
export function withConversationsCatalog<P extends object>(
  Page: ComponentType<P>,
): ComponentType<P> {
  return withCatalogs(NS, Page);
}

/** For goal and salary views reached outside a conversation (HR pages, the 1:1 panel). */
export function withGoalsCatalog<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return withCatalogs(GOALS_NS, Page);
}
