import { AppError } from '../errors';
import { textProblem } from '../text';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Turns the uploaded bytes into text. Excel in the Nordic locales saves "CSV (UTF-8)" with a BOM,
 * plain "CSV" as windows-1252, and "Unicode text" as UTF-16 with a BOM; we read all three.
 * Bytes that are not valid UTF-8 are taken as windows-1252 (every byte decodes, so this is the
 * last resort). A file with NUL bytes is not text (an .xlsx workbook, say): import.encoding, as
 * is one with other control characters once decoded (domain/text.ts: they could not be stored).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decoded = decodeBytes(bytes);
  if (textProblem(decoded.text, { multiLine: true })) throw new AppError('import.encoding');
  return decoded;
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  if (bytes.includes(0)) throw new AppError('import.encoding');
  let text: string;
  let encoding: CsvEncoding = 'utf-8';
  try {
    // ignoreBOM: false (the default) drops a leading UTF-8 BOM.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  // Text from macOS may be decomposed (a + ring); compare and store the composed form.
  return { text: text.normalize('NFC'), encoding };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be') {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return { text: text.normalize('NFC'), encoding };
  } catch {
    throw new AppError('import.encoding');
  }
}
