import type { FastifyInstance } from 'fastify';
import { importRoutes } from './import.routes';
import { oneOnOneSeriesRoutes } from './one-on-one-series.routes';
import { oneOnOneMeetingRoutes } from './one-on-one-meetings.routes';
import { oneOnOnePointRoutes } from './one-on-one-points.routes';
import { oneOnOneActionRoutes } from './one-on-one-actions.routes';
import { oneOnOneMinutesRoutes } from './one-on-one-minutes.routes';
import { oneOnOneHomeRoutes } from './one-on-one-home.routes';
import { oneOnOneTemplateRoutes } from './one-on-one-templates.routes';
import { calendarRoutes } from './calendar.routes';
import { mailRoutes } from './mail.routes';
import { goalModuleRoutes } from './goal-module.routes';
import { conversationRoutes } from './conversations.routes';
import { conversationContentRoutes } from './conversation-content.routes';
import { conversationTemplateRoutes } from './conversation-templates.routes';
import { roundRoutes } from './rounds.routes';
import { statisticsRoutes } from './statistics.routes';
import { wellbeingRoutes } from './wellbeing.routes';
import { pageRoutes } from './pages.routes';
import { auditRoutes } from './audit.routes';
import { privacyRoutes } from './privacy.routes';
import { demoRoutes } from './demo.routes';
import { vaultRoutes } from './vault.routes';

/** Routes of the feature modules; each new module adds one line here. */
export async function registerExtraRoutes(app: FastifyInstance): Promise<void> {
  await app.register(importRoutes);
  await app.register(oneOnOneSeriesRoutes);
  await app.register(oneOnOneMeetingRoutes);
  await app.register(oneOnOnePointRoutes);
  await app.register(oneOnOneActionRoutes);
  await app.register(oneOnOneMinutesRoutes);
  await app.register(oneOnOneHomeRoutes);
  await app.register(oneOnOneTemplateRoutes);
  await app.register(calendarRoutes);
  await app.register(mailRoutes);
  await app.register(goalModuleRoutes);
  await app.register(conversationRoutes);
  await app.register(conversationContentRoutes);
  await app.register(conversationTemplateRoutes);
  await app.register(roundRoutes);
  await app.register(statisticsRoutes);
  await app.register(wellbeingRoutes);
  await app.register(pageRoutes);
  await app.register(auditRoutes);
  await app.register(privacyRoutes);
  await app.register(demoRoutes);
  await app.register(vaultRoutes);
}
