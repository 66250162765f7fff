import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * Routes whose presenters build exactly their response schema, field by field. Checking a
 * meeting page against its zod schema costs four times as much CPU as writing it out
 * (decision 015), so in production these answers are written with JSON.stringify alone.
 * Everywhere else (tests, development) they are checked even more strictly than other
 * routes: the answer must equal what the schema lets through, so a field a presenter adds
 * without the schema fails the tests instead of reaching production unchecked.
 */
const TRUSTED_RESPONSES = new Set([
  'GET /api/one-on-ones/meetings/:id',
  'GET /api/one-on-ones/mine',
  'GET /api/one-on-ones/overview',
  'GET /api/actions',
  'GET /api/people',
  'GET /api/people/:id',
  'GET /api/team',
  'GET /api/pages/meeting/:id',
  'GET /api/pages/home',
]);

type Route = Parameters<typeof serializerCompiler>[0];

/** Fastify's serializer compiler: zod-checked answers, and the trusted ones as said above. */
export function responseSerializer(env: 'development' | 'production' | 'test') {
  return (route: Route) => {
    const checked = serializerCompiler(route) as (data: unknown) => string;
    const trusted =
      TRUSTED_RESPONSES.has(`${route.method} ${route.url}`) && String(route.httpStatus)[0] === '2';
    if (!trusted) return checked;
    if (env === 'production') return (data: unknown) => JSON.stringify(data);
    return (data: unknown) => {
      const out = checked(data);
      if (!isDeepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(data))))
        throw new Error(
          `${route.method} ${route.url}: the presenter's answer has fields its response schema does not`,
        );
      return out;
    };
  };
}
