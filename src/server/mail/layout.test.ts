import { describe, expect, it } from 'vitest';
import { renderMail } from './layout';

describe('renderMail', () => {
  const mail = renderMail(
    {
      subject: 'Ditt 1:1 <i morgon>',
      heading: 'Hej Åsa',
      paragraphs: ['Lägg till dina punkter & frågor.'],
      lists: [
        { title: 'Agenda', items: ['Hur mår du?', '<script>alert(1)</script>'] },
        { title: 'Tom', items: [] },
      ],
      action: { label: 'Öppna', url: 'https://samtal.example/x?a=1&b=2' },
      footer: 'Du får det här för att …',
    },
    'sv',
  );
  it('escapes everything that came from people in the HTML', () => {
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://samtal.example/x?a=1&amp;b=2"');
    expect(mail.html).toContain('<html lang="sv">');
  });
  it('has a plain-text part with the same content and the link', () => {
    expect(mail.text).toContain('Hej Åsa');
    expect(mail.text).toContain('- Hur mår du?');
    expect(mail.text).toContain('Öppna: https://samtal.example/x?a=1&b=2');
    expect(mail.text).not.toContain('Tom');
  });
});
