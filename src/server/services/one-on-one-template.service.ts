import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import type { TemplateInput } from '../../domain/one-on-one/template';
import type { Actor } from '../../domain/roles';
import { authorize } from '../policies/index';
import { recordAudit } from './audit.service';
import {
  builtinTemplates,
  oneOnOneTemplateRepository as templateRepo,
} from '../repositories/one-on-one-template.repository';

/** Agenda templates: the built-in ones and those HR adds for the organisation. */
export function createOneOnOneTemplateService(db: Db) {
  return {
    async list(actor: Actor) {
      authorize(actor, { do: 'oneOnOne.template.read', orgId: actor.orgId });
      const own = await templateRepo.listOrg(db, actor.orgId);
      return [
        ...[...builtinTemplates().values()].map((t) => ({
          ref: `builtin:${t.key}`,
          builtin: true,
          name: t.name,
          description: t.description ?? null,
          sections: t.sections,
        })),
        ...own.map((t) => ({
          ref: `org:${t.id}`,
          builtin: false,
          name: t.name,
          description: t.description ?? null,
          sections: t.sections,
        })),
      ];
    },

    async create(actor: Actor, input: TemplateInput) {
      authorize(actor, { do: 'oneOnOne.template.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const row = await templateRepo.insert(tx, {
          orgId: actor.orgId,
          id: randomUUID(),
          createdBy: actor.personId,
          ...input,
        });
        await recordAudit(tx, actor, {
          action: 'oneOnOneTemplate.created',
          subjectType: 'oneOnOneTemplate',
          subjectId: row.id,
        });
        return row;
      });
    },

    /** Meetings keep a snapshot of their template, so this never rewrites a held meeting. */
    async update(actor: Actor, id: string, input: Partial<TemplateInput> & { archived?: boolean }) {
      authorize(actor, { do: 'oneOnOne.template.manage', orgId: actor.orgId });
      return db.transaction(async (tx) => {
        const row = await templateRepo.update(tx, actor.orgId, id, input);
        if (!row) throw new AppError('not_found');
        await recordAudit(tx, actor, {
          action: input.archived ? 'oneOnOneTemplate.archived' : 'oneOnOneTemplate.updated',
          subjectType: 'oneOnOneTemplate',
          subjectId: id,
        });
        return row;
      });
    },
  };
}
