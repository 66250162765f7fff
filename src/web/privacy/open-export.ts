/**
 * The person's own export with their sealed private notes and reflections opened in this
 * browser (decision 024): the server only ever has the envelopes; the unlocked vault key turns
 * them back into text here, and the ZIP is written again on the device.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  open,
  privateNoteContext,
  reflectionContext,
  reminderContext,
  type Sealed,
} from '../../domain/sealing/envelope';

type SealedRow = {
  meeting_id: string;
  ciphertext: string | null;
  iv: string | null;
  key_version: number | null;
  [column: string]: unknown;
};

const sealedOf = (r: SealedRow): Sealed | null =>
  r.ciphertext && r.iv && r.key_version !== null
    ? { ciphertext: r.ciphertext, iv: r.iv, keyVersion: r.key_version }
    : null;

/** Each sealed row opened by `open`; a row the key cannot open stays sealed and says so. */
async function openRows(
  rows: SealedRow[],
  open: (sealed: Sealed, row: SealedRow) => Promise<Record<string, unknown>>,
): Promise<{ rows: unknown[]; opened: number }> {
  let opened = 0;
  const out = await Promise.all(
    rows.map(async (r) => {
      const sealed = sealedOf(r);
      if (!sealed) return r;
      try {
        const text = await open(sealed, r);
        opened++;
        const { ciphertext: _c, iv: _i, key_version: _k, ...rest } = r;
        return { ...rest, ...text, sealed: true, openedInBrowser: true };
      } catch {
        return { ...r, sealed: true, openedInBrowser: false };
      }
    }),
  );
  return { rows: out, opened };
}

/**
 * The export ZIP with `privateNotes.json`, `reflections.json` and `remindersToAsk.json` opened
 * with `key`, and `note`
 * (a sentence in the person's language) added to both READMEs.
 */
export async function openSealedInExport(
  zip: Uint8Array,
  key: CryptoKey,
  authorId: string,
  note: string,
): Promise<{ zip: Uint8Array; opened: number }> {
  const files = unzipSync(zip);
  const read = (name: string) =>
    files[name] ? (JSON.parse(strFromU8(files[name])) as SealedRow[]) : [];
  const notes = await openRows(read('privateNotes.json'), async (sealed, row) => ({
    body: await open(key, sealed, privateNoteContext(row.meeting_id, authorId)),
  }));
  const reflections = await openRows(
    read('reflections.json'),
    async (sealed, row) =>
      JSON.parse(await open(key, sealed, reflectionContext(row.meeting_id, authorId))) as Record<
        string,
        unknown
      >,
  );
  files['privateNotes.json'] = strToU8(JSON.stringify(notes.rows, null, 2));
  files['reflections.json'] = strToU8(JSON.stringify(reflections.rows, null, 2));
  // Reminders are bound to their series, not a meeting (envelope.ts#reminderContext).
  const reminders = await openRows(read('remindersToAsk.json'), async (sealed, row) => ({
    text: await open(key, sealed, reminderContext(String(row.series_id), authorId)),
  }));
  if (files['remindersToAsk.json'])
    files['remindersToAsk.json'] = strToU8(JSON.stringify(reminders.rows, null, 2));
  if (files['README.txt'])
    files['README.txt'] = strToU8(`${strFromU8(files['README.txt'])}\n${note}\n`);
  if (files['README.html']) {
    const escaped = note.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    files['README.html'] = strToU8(
      strFromU8(files['README.html']).replace('</body>', `<p>${escaped}</p></body>`),
    );
  }
  return {
    zip: zipSync(files, { level: 6 }),
    opened: notes.opened + reflections.opened + reminders.opened,
  };
}
