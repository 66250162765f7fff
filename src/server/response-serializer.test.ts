import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './response-serializer';

const schema = z.object({ id: z.string(), name: z.string() });
const route = (url: string, httpStatus = '200') =>
  ({ schema, method: 'GET', url, httpStatus }) as Parameters<
    ReturnType<typeof responseSerializer>
  >[0];

describe('responseSerializer', () => {
  it('writes a trusted answer as it is in production, without checking it', () => {
    const write = responseSerializer('production')(route('/api/team'));
    expect(write({ id: 'a', name: 'Anna', extra: 1 })).toBe('{"id":"a","name":"Anna","extra":1}');
  });

  it('outside production, fails a trusted answer with a field its schema lacks', () => {
    const write = responseSerializer('test')(route('/api/team'));
    expect(write({ name: 'Anna', id: 'a' })).toBe('{"id":"a","name":"Anna"}');
    expect(() => write({ id: 'a', name: 'Anna', extra: 1 })).toThrow(/fields its response schema/);
  });

  it('checks every other answer against its schema, in production too', () => {
    const other = responseSerializer('production')(route('/api/other'));
    expect(other({ id: 'a', name: 'Anna', extra: 1 })).toBe('{"id":"a","name":"Anna"}');
    expect(() => other({ id: 1 })).toThrow();
    const error = responseSerializer('production')(route('/api/team', '404'));
    expect(error({ id: 'a', name: 'Anna', extra: 1 })).toBe('{"id":"a","name":"Anna"}');
  });
});
