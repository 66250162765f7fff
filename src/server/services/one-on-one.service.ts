import type { Db } from '../../db/client';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { createOneOnOneActionService } from './one-on-one-action.service';
import { createOneOnOneHomeService } from './one-on-one-home.service';
import { createOneOnOneMeetingService } from './one-on-one-meeting.service';
import { createOneOnOneMinutesService } from './one-on-one-minutes.service';
import { createOneOnOneNoteService } from './one-on-one-note.service';
import { createOneOnOneReminderService } from './one-on-one-reminder.service';
import { createOneOnOneMotivationService } from './one-on-one-motivation.service';
import { createOneOnOneSeriesService } from './one-on-one-series.service';
import { createOneOnOneTemplateService } from './one-on-one-template.service';
import { createOneOnOneStateService } from './one-on-one-state.service';
import type { LiveEvents } from '../live/hub';

export { endSeriesForChangedReportingLines, extendHorizons } from './one-on-one-series.service';
export { endSeriesForDeactivatedPeople } from './one-on-one-planning';

/** The 1:1 use cases, grouped by resource. */
export function createOneOnOneServices(
  db: Db,
  notifier: OneOnOneNotifier | null = null,
  live: LiveEvents | null = null,
) {
  const series = createOneOnOneSeriesService(db, notifier, live);
  return {
    series,
    meetings: createOneOnOneMeetingService(db, live),
    notes: createOneOnOneNoteService(db, live),
    reminders: createOneOnOneReminderService(db),
    motivation: createOneOnOneMotivationService(db),
    actions: createOneOnOneActionService(db, live),
    minutes: createOneOnOneMinutesService(db, notifier, live),
    state: createOneOnOneStateService(db, live),
    home: createOneOnOneHomeService(db, series),
    templates: createOneOnOneTemplateService(db),
  };
}
