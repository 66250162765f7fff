import type { Db } from '../../db/client';
import type { OneOnOneNotifier } from '../mail/one-on-one.notifier';
import { createAuthService, type AuthSettings } from './auth.service';
import { createDepartmentService } from './department.service';
import { createOrganisationService } from './organisation.service';
import { createPeopleService } from './people.service';
import { createOneOnOneServices } from './one-on-one.service';
import { createPeopleImportService } from './people-import.service';

/** Every use case the routes may call, built once per app. */
export function createServices(
  db: Db,
  settings: AuthSettings,
  mail: { notifier: OneOnOneNotifier | null } = { notifier: null },
) {
  return {
    auth: createAuthService(db, settings),
    people: createPeopleService(db),
    departments: createDepartmentService(db),
    organisation: createOrganisationService(db),
    oneOnOne: createOneOnOneServices(db, mail.notifier),
    peopleImport: createPeopleImportService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
