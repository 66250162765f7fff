import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { conversationTemplates, conversationTemplateVersions } from '../../db/schema/index';
import type {
  ConversationKind,
  ConversationTemplateContent,
  LocalisedText,
} from '../../domain/development/template';
import {
  ConversationTemplateFileSchema,
  type ConversationTemplateFile,
} from '../../domain/development/template-file';
import { projectPath } from '../../project-root';
import { touched } from './touched';

const DIR = projectPath('templates', 'development');

export type ConversationTemplateRow = typeof conversationTemplates.$inferSelect;
export type ConversationTemplateVersionRow = typeof conversationTemplateVersions.$inferSelect;

let builtins: ConversationTemplateFile[] | undefined;

/** The built-in templates from templates/development/*.json, validated once; a bad file stops start-up. */
export function builtinConversationTemplates(): ConversationTemplateFile[] {
  if (builtins) return builtins;
  builtins = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const r = ConversationTemplateFileSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')),
      );
      if (!r.success || !r.data.key)
        throw new Error(
          `templates/development/${file} is not a valid template: ${r.error?.message}`,
        );
      return r.data;
    });
  return builtins;
}

export type TemplateWithLatest = ConversationTemplateRow & {
  latest: Pick<ConversationTemplateVersionRow, 'id' | 'version' | 'createdAt'>;
};

/** Conversation templates and their immutable versions. */
export const conversationTemplateRepository = {
  /**
   * Gives the organisation its own copy of every built-in template it lacks (a set of inserts
   * the first time; one cheap query after that).
   */
  async ensureBuiltins(db: DbOrTx, orgId: string): Promise<void> {
    const all = builtinConversationTemplates();
    const have = await db
      .select({ key: conversationTemplates.builtinKey })
      .from(conversationTemplates)
      .where(
        and(eq(conversationTemplates.orgId, orgId), isNotNull(conversationTemplates.builtinKey)),
      );
    const known = new Set(have.map((h) => h.key));
    const missing = all.filter((b) => !known.has(b.key!));
    if (missing.length === 0) return;
    const templates = missing.map((b) => ({
      orgId,
      id: randomUUID(),
      kind: b.kind,
      name: b.name,
      description: b.description ?? null,
      builtinKey: b.key!,
    }));
    // Two first requests at once: the partial unique index lets only one copy in.
    const inserted = await db
      .insert(conversationTemplates)
      .values(templates)
      .onConflictDoNothing()
      .returning({ id: conversationTemplates.id, key: conversationTemplates.builtinKey });
    if (inserted.length === 0) return;
    const byKey = new Map(missing.map((b) => [b.key!, b]));
    await db.insert(conversationTemplateVersions).values(
      inserted.map((t) => ({
        orgId,
        id: randomUUID(),
        templateId: t.id,
        version: 1,
        content: { sections: byKey.get(t.key!)!.sections },
      })),
    );
  },

  /** The organisation's templates with their latest version (a few dozen at most). */
  async list(db: DbOrTx, orgId: string, archived: boolean): Promise<TemplateWithLatest[]> {
    const rows = await db
      .select()
      .from(conversationTemplates)
      .where(
        and(
          eq(conversationTemplates.orgId, orgId),
          archived
            ? isNotNull(conversationTemplates.archivedAt)
            : isNull(conversationTemplates.archivedAt),
        ),
      )
      .orderBy(asc(conversationTemplates.kind), asc(conversationTemplates.createdAt))
      .limit(500);
    if (rows.length === 0) return [];
    const latest = await db
      .selectDistinctOn([conversationTemplateVersions.templateId], {
        templateId: conversationTemplateVersions.templateId,
        id: conversationTemplateVersions.id,
        version: conversationTemplateVersions.version,
        createdAt: conversationTemplateVersions.createdAt,
      })
      .from(conversationTemplateVersions)
      .where(
        and(
          eq(conversationTemplateVersions.orgId, orgId),
          inArray(
            conversationTemplateVersions.templateId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(conversationTemplateVersions.templateId, desc(conversationTemplateVersions.version));
    const byId = new Map(latest.map((l) => [l.templateId, l]));
    return rows.filter((r) => byId.has(r.id)).map((r) => ({ ...r, latest: byId.get(r.id)! }));
  },

  async find(db: DbOrTx, orgId: string, id: string): Promise<ConversationTemplateRow | undefined> {
    const [row] = await db
      .select()
      .from(conversationTemplates)
      .where(and(eq(conversationTemplates.orgId, orgId), eq(conversationTemplates.id, id)))
      .limit(1);
    return row;
  },

  /** The newest version of a template, locked when `forUpdate` so two edits cannot both be "next". */
  async latestVersion(
    db: DbOrTx,
    orgId: string,
    templateId: string,
  ): Promise<ConversationTemplateVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(conversationTemplateVersions)
      .where(
        and(
          eq(conversationTemplateVersions.orgId, orgId),
          eq(conversationTemplateVersions.templateId, templateId),
        ),
      )
      .orderBy(desc(conversationTemplateVersions.version))
      .limit(1);
    return row;
  },

  async findVersion(
    db: DbOrTx,
    orgId: string,
    id: string,
  ): Promise<ConversationTemplateVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(conversationTemplateVersions)
      .where(
        and(eq(conversationTemplateVersions.orgId, orgId), eq(conversationTemplateVersions.id, id)),
      )
      .limit(1);
    return row;
  },

  async versions(db: DbOrTx, orgId: string, templateId: string) {
    return db
      .select({
        id: conversationTemplateVersions.id,
        version: conversationTemplateVersions.version,
        createdAt: conversationTemplateVersions.createdAt,
        createdBy: conversationTemplateVersions.createdBy,
      })
      .from(conversationTemplateVersions)
      .where(
        and(
          eq(conversationTemplateVersions.orgId, orgId),
          eq(conversationTemplateVersions.templateId, templateId),
        ),
      )
      .orderBy(desc(conversationTemplateVersions.version))
      .limit(200);
  },

  async insert(
    db: DbOrTx,
    t: {
      orgId: string;
      kind: ConversationKind;
      name: LocalisedText;
      description: LocalisedText | null;
      createdBy: string;
      content: ConversationTemplateContent;
    },
  ): Promise<{ template: ConversationTemplateRow; version: ConversationTemplateVersionRow }> {
    const [template] = await db
      .insert(conversationTemplates)
      .values({
        orgId: t.orgId,
        id: randomUUID(),
        kind: t.kind,
        name: t.name,
        description: t.description,
        createdBy: t.createdBy,
      })
      .returning();
    const version = await this.addVersion(db, t.orgId, template!.id, 1, t.content, t.createdBy);
    return { template: template!, version };
  },

  /** Appends a version; the unique (org, template, version) index refuses a concurrent twin. */
  async addVersion(
    db: DbOrTx,
    orgId: string,
    templateId: string,
    version: number,
    content: ConversationTemplateContent,
    createdBy: string,
  ): Promise<ConversationTemplateVersionRow> {
    const [row] = await db
      .insert(conversationTemplateVersions)
      .values({ orgId, id: randomUUID(), templateId, version, content, createdBy })
      .returning();
    return row!;
  },

  async update(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: {
      kind?: ConversationKind;
      name?: LocalisedText;
      description?: LocalisedText | null;
      archived?: boolean;
    },
  ): Promise<ConversationTemplateRow | undefined> {
    const [row] = await db
      .update(conversationTemplates)
      .set(
        touched({
          ...(patch.kind ? { kind: patch.kind } : {}),
          ...(patch.name ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.archived !== undefined
            ? { archivedAt: patch.archived ? sql`now()` : null }
            : {}),
        }),
      )
      .where(and(eq(conversationTemplates.orgId, orgId), eq(conversationTemplates.id, id)))
      .returning();
    return row;
  },
};
