import type { FastifyInstance } from 'fastify';
import { importRoutes } from './import.routes';

/** Routes of the feature modules; each new module adds one line here. */
export async function registerExtraRoutes(app: FastifyInstance): Promise<void> {
  await app.register(importRoutes);
}
