import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, notificationLink } from './notifications';

describe('notifications', () => {
  it('every kind has its text in every language', () => {
    for (const lng of ['sv', 'da', 'nb', 'en']) {
      const catalog = JSON.parse(
        fs.readFileSync(`src/i18n/locales/${lng}/notifications.json`, 'utf8'),
      ) as { kind: Record<string, string> };
      expect(Object.keys(catalog.kind).sort(), lng).toEqual([...NOTIFICATION_KINDS].sort());
    }
  });

  it('a round opened leads the manager to their conversations, the employee to theirs', () => {
    expect(notificationLink('round.opened', { roundId: 'r' })).toBe('/conversations');
    expect(notificationLink('round.included', { roundId: 'r', conversationId: 'c' })).toBe(
      '/conversations/c',
    );
  });
});
