import type { FastifyInstance } from 'fastify';

/** CSV import of people (filled in by the import module). */
export async function importRoutes(_app: FastifyInstance) {}
