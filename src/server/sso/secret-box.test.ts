import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivedDemoKey, secretBox } from './secret-box';

describe('secretBox', () => {
  const box = secretBox(randomBytes(32));
  it('opens what it sealed, and the sealed text holds no trace of the secret', () => {
    const sealed = box.seal('s3cret-value', 'org:provider');
    expect(sealed).not.toContain('s3cret');
    expect(box.seal('s3cret-value', 'org:provider')).not.toBe(sealed); // fresh IV
    expect(box.open(sealed, 'org:provider')).toBe('s3cret-value');
  });
  it('refuses a secret moved to another row, a tampered one and another key', () => {
    const sealed = box.seal('s3cret-value', 'org:provider');
    expect(() => box.open(sealed, 'org:other')).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('x' + parts[2]!, 'base64url').toString('base64url');
    expect(() => box.open(parts.join('.'), 'org:provider')).toThrow();
    expect(() => secretBox(randomBytes(32)).open(sealed, 'org:provider')).toThrow();
  });
  it('derives the same demo key from the same cookie secret', () => {
    expect(derivedDemoKey('a'.repeat(40)).equals(derivedDemoKey('a'.repeat(40)))).toBe(true);
    expect(derivedDemoKey('a'.repeat(40)).length).toBe(32);
  });
});
