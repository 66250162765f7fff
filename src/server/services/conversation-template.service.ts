import type { Db } from '../../db/client';
import { AppError, type FieldIssue } from '../../domain/errors';
import { LOCALES } from '../../i18n/index';
import { sameContent, type LocalisedText } from '../../domain/development/template';
import {
  ConversationTemplateFileSchema,
  toTemplateFile,
  type ConversationTemplateInput,
} from '../../domain/development/template-file';
import type { Actor } from '../../domain/roles';
import { fieldIssueFromZod } from '../http-errors';
import { translator } from '../i18n';
import { authorize } from '../policies/index';
import { recordAudit } from './audit.service';
import { violatedUniqueConstraint } from '../repositories/pg-errors';
import { conversationTemplateRepository as repo } from '../repositories/conversation-template.repository';

/**
 * Conversation templates: HR lists, creates, copies, edits (each content change is a new,
 * immutable version: a conversation keeps the version it started with), archives, imports and
 * exports them.
 */
export function createConversationTemplateService(db: Db) {
  const manage = (actor: Actor) =>
    authorize(actor, { do: 'conversationTemplate.manage', orgId: actor.orgId });

  async function detail(orgId: string, id: string) {
    const template = await repo.find(db, orgId, id);
    if (!template) throw new AppError('not_found');
    const latest = await repo.latestVersion(db, orgId, id);
    if (!latest) throw new AppError('not_found');
    const versions = await repo.versions(db, orgId, id);
    return { template, latest, versions };
  }

  async function create(
    actor: Actor,
    input: ConversationTemplateInput,
    how: 'form' | 'copy' | 'import',
  ) {
    return db.transaction(async (tx) => {
      const { template } = await repo.insert(tx, {
        orgId: actor.orgId,
        kind: input.kind,
        name: input.name,
        description: input.description ?? null,
        createdBy: actor.personId,
        content: { sections: input.sections },
      });
      await recordAudit(tx, actor, {
        action: how === 'import' ? 'template.imported' : 'template.created',
        subjectType: 'template',
        subjectId: template.id,
        details: { source: how },
      });
      return template.id;
    });
  }

  return {
    async list(actor: Actor, opts: { archived: boolean }) {
      authorize(actor, { do: 'conversationTemplate.read', orgId: actor.orgId });
      await db.transaction((tx) => repo.ensureBuiltins(tx, actor.orgId));
      return repo.list(db, actor.orgId, opts.archived);
    },

    async get(actor: Actor, id: string) {
      authorize(actor, { do: 'conversationTemplate.read', orgId: actor.orgId });
      return detail(actor.orgId, id);
    },

    async create(actor: Actor, input: ConversationTemplateInput) {
      manage(actor);
      return detail(actor.orgId, await create(actor, input, 'form'));
    },

    /** A new template with the source's current content, named "Copy of …" in every language. */
    async copy(actor: Actor, id: string) {
      manage(actor);
      const source = await detail(actor.orgId, id);
      const name: LocalisedText = {};
      for (const l of LOCALES) {
        const original = source.template.name[l];
        if (original)
          name[l] = (await translator(l))('rounds:templates.copyOf', { name: original });
      }
      return detail(
        actor.orgId,
        await create(
          actor,
          {
            kind: source.template.kind,
            name,
            description: source.template.description,
            sections: source.latest.content.sections,
          },
          'copy',
        ),
      );
    },

    /**
     * Saves HR's edit. `baseVersion` is the version the editor started from: if someone saved
     * in between, this is a conflict rather than a silent overwrite. Unchanged content adds no
     * version.
     */
    async update(
      actor: Actor,
      id: string,
      input: ConversationTemplateInput & { baseVersion: number },
    ) {
      manage(actor);
      await db.transaction(async (tx) => {
        const template = await repo.find(tx, actor.orgId, id);
        if (!template) throw new AppError('not_found');
        if (template.archivedAt) throw new AppError('conversationTemplate.archived');
        const latest = await repo.latestVersion(tx, actor.orgId, id);
        if (!latest || latest.version !== input.baseVersion) throw new AppError('conflict');
        await repo.update(tx, actor.orgId, id, {
          kind: input.kind,
          name: input.name,
          description: input.description ?? null,
        });
        if (!sameContent(latest.content, { sections: input.sections })) {
          await repo
            .addVersion(
              tx,
              actor.orgId,
              id,
              latest.version + 1,
              { sections: input.sections },
              actor.personId,
            )
            .catch((err: unknown) => {
              if (violatedUniqueConstraint(err)) throw new AppError('conflict');
              throw err;
            });
        }
        await recordAudit(tx, actor, {
          action: 'template.updated',
          subjectType: 'template',
          subjectId: id,
        });
      });
      return detail(actor.orgId, id);
    },

    async setArchived(actor: Actor, id: string, archived: boolean) {
      manage(actor);
      await db.transaction(async (tx) => {
        const row = await repo.update(tx, actor.orgId, id, { archived });
        if (!row) throw new AppError('not_found');
        await recordAudit(tx, actor, {
          action: archived ? 'template.archived' : 'template.restored',
          subjectType: 'template',
          subjectId: id,
        });
      });
      return detail(actor.orgId, id);
    },

    async exportFile(actor: Actor, id: string) {
      manage(actor);
      const { template, latest } = await detail(actor.orgId, id);
      return toTemplateFile({ ...template, content: latest.content });
    },

    /** Imports a file; every problem is reported with its path in the file. */
    async importFile(actor: Actor, file: unknown) {
      manage(actor);
      const r = ConversationTemplateFileSchema.safeParse(file);
      if (!r.success) {
        const issues: FieldIssue[] = r.error.issues.slice(0, 50).map(fieldIssueFromZod);
        throw new AppError(
          'conversationTemplate.invalid_file',
          { count: r.error.issues.length },
          issues,
        );
      }
      return detail(actor.orgId, await create(actor, r.data, 'import'));
    },
  };
}
