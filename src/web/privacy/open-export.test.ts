import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  privateNoteContext,
  reflectionContext,
  reminderContext,
  seal,
} from '../../domain/sealing/envelope';
import { openSealedInExport } from './open-export';

const me = '11111111-1111-4111-8111-111111111111';
const meeting = '22222222-2222-4222-8222-222222222222';
const newKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

async function exportZip(key: CryptoKey) {
  const note = await seal(key, 'Fråga om flytten i maj', privateNoteContext(meeting, me), 1);
  const reflection = await seal(
    key,
    JSON.stringify({ topics: [{ key: 'x', text: 'Lyssnade mer' }], notes: 'Bra möte' }),
    reflectionContext(meeting, me),
    1,
  );
  const row = (s: typeof note) => ({
    meeting_id: meeting,
    ciphertext: s.ciphertext,
    iv: s.iv,
    key_version: s.keyVersion,
    updated_at: '2026-12-01T10:00:00Z',
  });
  return zipSync({
    'README.txt': strToU8('Dina data\n'),
    'README.html': strToU8('<html><body><h1>Dina data</h1></body></html>'),
    'privateNotes.json': strToU8(
      JSON.stringify([
        { ...row(note), body: null },
        { meeting_id: meeting, body: 'Osealad' },
      ]),
    ),
    'reflections.json': strToU8(JSON.stringify([{ ...row(reflection), topics: null }])),
    'meetings.json': strToU8('[{"id":"m"}]'),
  });
}

const json = (files: Record<string, Uint8Array>, name: string) =>
  JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>[];

describe('openSealedInExport', () => {
  it('opens the sealed notes and reflections with the vault key and says so in the README', async () => {
    const key = await newKey();
    const { zip, opened } = await openSealedInExport(
      await exportZip(key),
      key,
      me,
      'Opened in your browser.',
    );
    expect(opened).toBe(2);
    const files = unzipSync(zip);
    const notes = json(files, 'privateNotes.json');
    expect(notes[0]).toMatchObject({ body: 'Fråga om flytten i maj', sealed: true });
    expect(notes[0]).not.toHaveProperty('ciphertext');
    expect(notes[1]).toEqual({ meeting_id: meeting, body: 'Osealad' });
    expect(json(files, 'reflections.json')[0]).toMatchObject({
      notes: 'Bra möte',
      topics: [{ key: 'x', text: 'Lyssnade mer' }],
      openedInBrowser: true,
    });
    expect(strFromU8(files['README.txt']!)).toContain('Opened in your browser.');
    expect(strFromU8(files['README.html']!)).toContain('<p>Opened in your browser.</p></body>');
    expect(strFromU8(files['meetings.json']!)).toBe('[{"id":"m"}]');
  });

  it('leaves a row sealed when the key does not open it (another key, another author)', async () => {
    const key = await newKey();
    const zip = await exportZip(key);
    const other = await openSealedInExport(zip, await newKey(), me, 'x');
    expect(other.opened).toBe(0);
    const notes = json(unzipSync(other.zip), 'privateNotes.json');
    expect(notes[0]).toMatchObject({ sealed: true, openedInBrowser: false });
    expect(notes[0]!.ciphertext).toEqual(expect.any(String));
    const wrongAuthor = await openSealedInExport(zip, key, meeting, 'x');
    expect(wrongAuthor.opened).toBe(0);
  });
});

describe('openSealedInExport with reminders', () => {
  it('opens the manager’s “remember to ask” reminders, bound to their series', async () => {
    const key = await newKey();
    const series = '33333333-3333-4333-8333-333333333333';
    const reminder = await seal(key, 'Fråga hur flytten gick', reminderContext(series, me), 1);
    const zip = zipSync({
      'remindersToAsk.json': strToU8(
        JSON.stringify([
          {
            series_id: series,
            meeting_id: meeting,
            ciphertext: reminder.ciphertext,
            iv: reminder.iv,
            key_version: reminder.keyVersion,
            done_at: null,
          },
        ]),
      ),
    });
    const { zip: opened, opened: count } = await openSealedInExport(zip, key, me, 'x');
    expect(count).toBe(1);
    const [row] = json(unzipSync(opened), 'remindersToAsk.json');
    expect(row).toMatchObject({ text: 'Fråga hur flytten gick', openedInBrowser: true });
    expect(row).not.toHaveProperty('ciphertext');
    // Under another author's name it stays sealed.
    expect((await openSealedInExport(zip, key, meeting, 'x')).opened).toBe(0);
  });
});
