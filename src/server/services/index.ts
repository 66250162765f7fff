import type { Db } from '../../db/client';
import { createAuthService, type AuthSettings } from './auth.service';
import { createDepartmentService } from './department.service';
import { createOrganisationService } from './organisation.service';
import { createPeopleService } from './people.service';
import { createOneOnOneServices } from './one-on-one.service';
import { createPeopleImportService } from './people-import.service';

/** Every use case the routes may call, built once per app. */
export function createServices(db: Db, settings: AuthSettings) {
  return {
    auth: createAuthService(db, settings),
    people: createPeopleService(db),
    departments: createDepartmentService(db),
    organisation: createOrganisationService(db),
    oneOnOne: createOneOnOneServices(db),
    peopleImport: createPeopleImportService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
