import { describe, expect, it } from 'vitest';
import type { MinutesContent } from '../../domain/one-on-one/minutes';
import { translator } from '../i18n';
import { renderMinutesMail } from './minutes.mail';

const minutes: MinutesContent = {
  version: 1,
  locale: 'sv',
  meetingId: '00000000-0000-4000-8000-000000000001',
  date: '2026-03-03',
  time: '09:00',
  timeZone: 'Europe/Stockholm',
  manager: { id: 'm', name: 'Maja' },
  employee: { id: 'e', name: 'Erik' },
  topics: [
    {
      pointId: 'p',
      title: 'Kurs <2026>',
      notes: 'Rad 1\nRad 2',
      decision: 'Erik går',
      actions: [],
    },
  ],
  decisions: ['Erik går'],
  actions: [{ id: 'a', title: 'Anmäl', ownerId: 'e', ownerName: 'Erik', dueDate: '2026-03-20' }],
  followUp: [],
  nextMeeting: { date: '2026-03-17', time: '09:00', timeZone: 'Europe/Stockholm' },
};

describe('renderMinutesMail', () => {
  it('writes the minutes in the given language, with escaped HTML', async () => {
    const mail = renderMinutesMail(minutes, await translator('sv'));
    expect(mail.subject).toBe('Sammanfattning av ditt 1-1 samtal med Maja den 2026-03-03');
    expect(mail.text).toContain('• Anmäl (Erik, senast 2026-03-20)');
    expect(mail.text).toContain('Nästa 1-1 samtal: 2026-03-17 kl. 09:00.');
    expect(mail.html).toContain('Kurs &lt;2026&gt;');
    expect(mail.html).toContain('Rad 1<br>Rad 2');
    expect(mail.html).not.toContain('<2026>');
  });
});
