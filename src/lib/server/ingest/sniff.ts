/**
 * Recognises what is not a text document before anyone tries to read it as one: known binary
 * file signatures, NUL bytes, and text full of control characters. Each refusal names what
 * the file looks like, so the user knows what to save instead.
 */
import { IngestError } from './errors';

interface Signature {
  /** Bytes at `offset`; `null` matches any byte. */
  bytes: (number | null)[];
  offset?: number;
  looksLike: string;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** File signatures ("magic numbers") of the files people upload by mistake. */
const SIGNATURES: readonly Signature[] = [
  { bytes: ascii('%PDF-'), looksLike: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    looksLike: 'a ZIP archive (Word, Excel and EPUB files are ZIP archives too)'
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: 'an empty ZIP archive' },
  { bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], looksLike: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: ascii('GIF8'), looksLike: 'a GIF image' },
  { bytes: ascii('WEBP'), offset: 8, looksLike: 'a WebP image' },
  { bytes: [0x1f, 0x8b], looksLike: 'a gzip-compressed file' },
  { bytes: [...ascii('BZh'), null, ...ascii('1AY&SY')], looksLike: 'a bzip2-compressed file' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], looksLike: 'a zstd-compressed file' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], looksLike: 'a RAR archive' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    looksLike: 'an old Microsoft Office document (.doc, .xls)'
  },
  { bytes: [0x7f, ...ascii('ELF')], looksLike: 'a program (ELF executable)' },
  { bytes: ascii('SQLite format 3'), looksLike: 'an SQLite database' },
  { bytes: ascii('{\\rtf'), looksLike: 'an RTF document' },
  { bytes: ascii('ID3'), looksLike: 'an MP3 audio file' },
  { bytes: ascii('OggS'), looksLike: 'an Ogg audio or video file' },
  { bytes: ascii('ftyp'), offset: 4, looksLike: 'an MP4 or QuickTime video' },
  { bytes: ascii('wOF'), looksLike: 'a web font' }
];

const WHAT_TO_DO =
  'Upload the page itself: in the browser, "Save Page As" → "Web Page, HTML only", or select the page text and paste it.';

function matches(bytes: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0;
  if (bytes.length < offset + signature.bytes.length) return false;
  return signature.bytes.every((byte, index) => byte === null || bytes[offset + index] === byte);
}

/** Throws `binary` when the bytes start with the signature of a known binary file type. */
export function refuseKnownBinary(bytes: Uint8Array): void {
  const signature = SIGNATURES.find((candidate) => matches(bytes, candidate));
  if (signature)
    throw new IngestError(
      'binary',
      `This file looks like ${signature.looksLike}, not a web page or text. ${WHAT_TO_DO}`
    );
}

/**
 * UTF-16 without a byte-order mark, recognised by its NUL pattern: text that is mostly
 * ASCII has a NUL in every other byte. Anything else with NUL bytes is binary.
 */
export function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls++;
    if (sample[index + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  if (oddNuls / pairs > 0.9 && evenNuls === 0) return 'utf-16le';
  if (evenNuls / pairs > 0.9 && oddNuls === 0) return 'utf-16be';
  return null;
}

export function refuseNulBytes(position: number): never {
  throw new IngestError(
    'binary',
    `This file contains NUL bytes (the first at byte ${position}), so it looks like binary data ` +
      `(an image, archive or program), not a web page or text. ${WHAT_TO_DO}`
  );
}

// C0 controls other than tab, line feed, form feed and carriage return, and DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\x01-\x08\x0b\x0e-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex -- the same characters, without the global flag's state
const HAS_CONTROL_CHAR = /[\x01-\x08\x0b\x0e-\x1f\x7f]/;
const CONTROL_SAMPLE_CHARS = 256 * 1024;
/** A stray control character or two happens in pasted text; more than this is not text. */
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROL_COUNT = 8;

/** Throws `binary` for decoded text that holds NUL or many control characters. */
export function refuseBinaryText(text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) refuseNulBytes(nul);
  const sample = text.slice(0, CONTROL_SAMPLE_CHARS);
  // Nearly all text has no control character: test first, count (an array of matches) only then.
  if (!HAS_CONTROL_CHAR.test(sample)) return;
  const controls = sample.match(CONTROL_CHARS)?.length ?? 0;
  if (controls >= MIN_CONTROL_COUNT && controls / sample.length > MAX_CONTROL_SHARE)
    throw new IngestError(
      'binary',
      `This file is ${Math.round((controls / sample.length) * 100)}% control characters, so it looks ` +
        `like binary data, not a web page or text. ${WHAT_TO_DO}`
    );
}
