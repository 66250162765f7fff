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
  it('writes the minutes in the given language, with escaped HTML and a link back', async () => {
    const mail = renderMinutesMail(minutes, await translator('sv'), 'https://samtal.example/');
    expect(mail.subject).toBe('Sammanfattning av ditt 1-1 samtal med Maja den 3 mars 2026');
    expect(mail.text).toContain('- Anmäl (Erik, senast 20 mars 2026)');
    expect(mail.text).toContain('Nästa 1-1 samtal: 17 mars 2026 kl. 09:00.');
    expect(mail.text).toContain('- Rad 2');
    expect(mail.text).toContain('- Beslut: Erik går');
    expect(mail.text).toContain('Öppna i Samtal: https://samtal.example/');
    expect(mail.html).toContain('Kurs &lt;2026&gt;');
    expect(mail.html).not.toContain('<2026>');
  });

  it('speaks Danish to a Danish employee', async () => {
    const mail = renderMinutesMail({ ...minutes, locale: 'da' }, await translator('da'));
    expect(mail.html).toContain('<html lang="da">');
    expect(mail.subject).toContain('3. marts 2026');
    expect(mail.text).toContain('kl. 09.00');
  });
});
