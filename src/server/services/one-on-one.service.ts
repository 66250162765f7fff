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
import { systemClock, type Clock } from '../clock';

export { endSeriesForChangedReportingLines, extendHorizons } from './one-on-one-series.service';
export { endSeriesForDeactivatedPeople } from './one-on-one-planning';

/** The 1:1 use cases, grouped by resource. */
export function createOneOnOneServices(
  db: Db,
  notifier: OneOnOneNotifier | null = null,
  live: LiveEvents | null = null,
  clock: Clock = systemClock,
) {
  const series = createOneOnOneSeriesService(db, notifier, live, clock);
  return {
    series,
    meetings: createOneOnOneMeetingService(db, live, clock),
    notes: createOneOnOneNoteService(db, live),
    reminders: createOneOnOneReminderService(db, clock),
    motivation: createOneOnOneMotivationService(db, clock),
    actions: createOneOnOneActionService(db, live, clock),
    minutes: createOneOnOneMinutesService(db, notifier, live, clock),
    state: createOneOnOneStateService(db, live, clock),
    home: createOneOnOneHomeService(db, series, clock),
    templates: createOneOnOneTemplateService(db),
  };
}
