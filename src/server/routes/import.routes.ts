import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { describeIssues } from '../../domain/people-import/index';
import { translator } from '../i18n';
import { requireActor } from '../plugins/auth';
import { requestLocale } from '../request-locale';
import type { ImportInvalidDetails } from '../services/people-import.service';
import { ErrorSchema } from '../../contracts/common';
import { ImportIssueSchema, ImportResultSchema } from '../../contracts/people-import';

/** Large enough for 100,000 rows with every column filled. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;
/** Problems listed in a response; `count` tells how many lines have one in all. */
const IMPORT_ISSUES_LISTED = 200;

/** Browsers send a .csv file as text/csv, or as application/vnd.ms-excel on Windows. */
const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/** The error body, with the bad rows of an import.invalid in `details`. */
const ImportErrorSchema = z.object({
  error: ErrorSchema.shape.error.extend({
    details: z
      .object({ rows: z.array(ImportIssueSchema), count: z.number().int(), truncated: z.boolean() })
      .optional(),
  }),
});

/** The request body as bytes: a Buffer from the CSV parser, or text sent as text/plain. */
function bodyBytes(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body === undefined || body === null) return new Uint8Array();
  throw new AppError('validation', {}, [{ path: 'body', code: 'invalid' }]);
}

/** Puts the problems of an import.invalid into the reader's language, the first 200 of them. */
async function translated(err: unknown, request: FastifyRequest): Promise<unknown> {
  if (!(err instanceof AppError) || err.code !== 'import.invalid') return err;
  const details = err.details as ImportInvalidDetails;
  const t = await translator(requestLocale(request));
  return new AppError('import.invalid', err.params, [], {
    rows: describeIssues(details.rows.slice(0, IMPORT_ISSUES_LISTED), t),
    count: details.count,
    truncated: details.rows.length > IMPORT_ISSUES_LISTED,
  });
}

/** CSV import of people (HR): preview what a file would do, or apply it. */
export async function importRoutes(app: FastifyInstance) {
  // Scoped to this plugin: only the import route takes raw CSV. Text sent as text/plain is
  // taken as bytes too, so a windows-1252 file is decoded by the importer, not refused as UTF-8.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    [...CSV_TYPES, 'text/plain'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/people/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { tooLargeError: 'import.too_large' },
      schema: {
        tags: ['people'],
        summary: 'Import people from CSV',
        description:
          'The body is the CSV file itself (Content-Type: text/csv), UTF-8 or windows-1252, ' +
          'comma or semicolon separated. mode=preview checks and counts; mode=apply stores, ' +
          'all or nothing. Columns: see docs/csv-import.md.',
        querystring: z.object({ mode: z.enum(['preview', 'apply']).default('preview') }),
        response: {
          200: ImportResultSchema,
          400: ImportErrorSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          413: ErrorSchema,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const bytes = bodyBytes(request.body);
      const service = app.services.peopleImport;
      try {
        const result =
          request.query.mode === 'apply'
            ? await service.apply(actor, bytes)
            : await service.preview(actor, bytes);
        return {
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          departmentsCreated: result.departmentsCreated,
          total: result.total,
        };
      } catch (err) {
        throw await translated(err, request);
      }
    },
  );
}
