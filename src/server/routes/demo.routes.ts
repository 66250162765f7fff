import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_PASSWORD, demoSignIns } from '../../demo/demo';
import { AppError } from '../../domain/errors';
import { errors } from './schemas';

const DemoSignInsSchema = z.object({
  password: z.string(),
  items: z.array(
    z.object({ role: z.string(), email: z.string(), name: z.string(), locale: z.string() }),
  ),
});

/**
 * The demo's sign-ins, for the sign-in page of a server started with `serve --demo` (and only
 * there: anywhere else the address does not exist).
 */
export async function demoRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/demo/sign-ins',
    {
      schema: {
        tags: ['auth'],
        response: { 200: DemoSignInsSchema, ...errors },
      },
    },
    async () => {
      if (!app.config.demo) throw new AppError('not_found');
      return { password: DEMO_PASSWORD, items: demoSignIns() };
    },
  );
}
