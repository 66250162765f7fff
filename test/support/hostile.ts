import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors';

/** Strings no text field may store. */
export const HOSTILE_TEXT = {
  nul: 'before\u0000after',
  control: 'bell\u0007',
  loneHigh: 'half \ud83d emoji',
  loneLow: '\udc4b',
};

/** A JSON body whose only string is invalid UTF-8 (a lone 0xFF byte). */
export const INVALID_UTF8_JSON = Buffer.concat([
  Buffer.from('{"body":"'),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('","baseVersion":0}'),
]);

/** Asserts a response is a client error in Samtal's own shape (never the framework's). */
export function expectSamtalError(res: LightMyRequestResponse, context = ''): void {
  const where = `${context} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, where).toBeLessThan(500);
  // SCIM answers in RFC 7644's error shape (decision 022), its detail from the same catalogs.
  if (/^application\/scim\+json/.test(String(res.headers['content-type']))) {
    const scim = res.json();
    expect(scim.schemas, where).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(scim.status, where).toBe(String(res.statusCode));
    expect(scim.detail, where).toMatch(/^(?!errors:|FST_)\S/);
    return;
  }
  expect(res.headers['content-type'], where).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body), where).toEqual(['error']);
  expect(ERROR_CODES as readonly string[], where).toContain(body.error.code);
  expect(typeof body.error.message, where).toBe('string');
  expect(body.error.message.length, where).toBeGreaterThan(0);
  // A message from our catalogs, never a key that fell through or Fastify's English.
  expect(body.error.message, where).not.toMatch(/^(errors:|FST_)|statusCode/);
}
