import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { decodeCsv } from './decode';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
  );

describe('decodeCsv', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeCsv(bytes([0xef, 0xbb, 0xbf], 'namn;e-post\nÅsa'))).toEqual({
      text: 'namn;e-post\nÅsa',
      encoding: 'utf-8',
    });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Åsa Ørsted" as Excel's plain "CSV" saves it on a Danish or Swedish Windows.
    const latin = Buffer.from([0xc5, 0x73, 0x61, 0x20, 0xd8, 0x72, 0x73, 0x74, 0x65, 0x64]);
    expect(decodeCsv(latin)).toEqual({ text: 'Åsa Ørsted', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('navn\tÆble', 'utf16le')]);
    expect(decodeCsv(le)).toEqual({ text: 'navn\tÆble', encoding: 'utf-16le' });
  });

  it('composes decomposed letters (as macOS may write them)', () => {
    expect(decodeCsv(bytes('A\u030asa')).text).toBe('Åsa');
  });

  it('refuses binary files such as an Excel workbook', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expect(() => decodeCsv(zip)).toThrow(AppError);
    try {
      decodeCsv(zip);
    } catch (err) {
      expect((err as AppError).code).toBe('import.encoding');
    }
  });

  it('refuses text with control characters it could not store, in any encoding', () => {
    const nulInUtf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('namn\u0000x', 'utf16le'),
    ]);
    for (const file of [nulInUtf16, bytes('namn;e-post\nÅ\u0001sa;a@b.se')])
      expect(() => decodeCsv(file)).toThrow(expect.objectContaining({ code: 'import.encoding' }));
  });
});
