import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneOnOneTemplates } from '../../db/schema/index';
import {
  TemplateSchema,
  type Template,
  type TemplateInput,
  type TemplateSnapshot,
} from '../../domain/one-on-one/template';
import { projectPath } from '../../project-root';
import { touched } from './touched';

const TEMPLATES_DIR = projectPath('templates');

export type TemplateRow = typeof oneOnOneTemplates.$inferSelect;

let builtins: Map<string, Template> | undefined;

/** The built-in templates from templates/*.json, validated once; a bad file stops start-up. */
export function builtinTemplates(): Map<string, Template> {
  if (builtins) return builtins;
  const map = new Map<string, Template>();
  for (const file of fs
    .readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = TemplateSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8')),
    );
    if (!parsed.success) {
      throw new Error(`templates/${file} is not a valid agenda template: ${parsed.error.message}`);
    }
    map.set(parsed.data.key, parsed.data);
  }
  builtins = map;
  return map;
}

/** The template a new series gets when the manager picks none (seed 002's agenda). */
export const DEFAULT_TEMPLATE_REF = 'builtin:follow-up';

/** Parses "builtin:<key>" or "org:<uuid>". */
export function parseTemplateRef(
  ref: string,
): { builtinKey: string; templateId: null } | { builtinKey: null; templateId: string } | null {
  const [kind, value] = ref.split(':', 2);
  if (!value) return null;
  if (kind === 'builtin') return { builtinKey: value, templateId: null };
  if (kind === 'org' && /^[0-9a-f-]{36}$/i.test(value))
    return { builtinKey: null, templateId: value };
  return null;
}

/** Agenda templates: built-in ones from files, the organisation's own from the database. */
export const oneOnOneTemplateRepository = {
  async listOrg(db: DbOrTx, orgId: string): Promise<TemplateRow[]> {
    return db
      .select()
      .from(oneOnOneTemplates)
      .where(and(eq(oneOnOneTemplates.orgId, orgId), isNull(oneOnOneTemplates.archivedAt)))
      .orderBy(asc(oneOnOneTemplates.createdAt), asc(oneOnOneTemplates.id));
  },

  async findOrg(db: DbOrTx, orgId: string, id: string): Promise<TemplateRow | undefined> {
    const [row] = await db
      .select()
      .from(oneOnOneTemplates)
      .where(and(eq(oneOnOneTemplates.orgId, orgId), eq(oneOnOneTemplates.id, id)))
      .limit(1);
    return row;
  },

  async insert(
    db: DbOrTx,
    row: { orgId: string; id: string; createdBy: string } & TemplateInput,
  ): Promise<TemplateRow> {
    const [created] = await db
      .insert(oneOnOneTemplates)
      .values({
        orgId: row.orgId,
        id: row.id,
        createdBy: row.createdBy,
        name: row.name,
        description: row.description ?? null,
        sections: row.sections,
      })
      .returning();
    return created!;
  },

  async update(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<TemplateInput> & { archived?: boolean },
  ): Promise<TemplateRow | undefined> {
    const [row] = await db
      .update(oneOnOneTemplates)
      .set(
        touched({
          ...(patch.name ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.sections ? { sections: patch.sections } : {}),
          ...(patch.archived !== undefined
            ? { archivedAt: patch.archived ? sql`now()` : null }
            : {}),
        }),
      )
      .where(and(eq(oneOnOneTemplates.orgId, orgId), eq(oneOnOneTemplates.id, id)))
      .returning();
    return row;
  },

  /** The snapshot a meeting keeps of the template its series uses now. */
  async snapshotFor(
    db: DbOrTx,
    orgId: string,
    series: { builtinTemplateKey: string | null; templateId: string | null },
  ): Promise<TemplateSnapshot> {
    if (series.templateId) {
      const row = await this.findOrg(db, orgId, series.templateId);
      if (row) return { ref: `org:${row.id}`, name: row.name, sections: row.sections };
    }
    const all = builtinTemplates();
    const t = all.get(series.builtinTemplateKey ?? '') ?? all.get('follow-up')!;
    return { ref: `builtin:${t.key}`, name: t.name, sections: t.sections };
  },
};
