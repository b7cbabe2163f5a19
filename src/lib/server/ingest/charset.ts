/**
 * Evidence about a document's encoding: a byte-order mark, a declaration in the markup,
 * and whether the bytes are well-formed UTF-8.
 */

export type BomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Bom {
  encoding: BomEncoding;
  length: number;
}

/** UTF-32 marks are checked first: FF FE 00 00 would otherwise read as a UTF-16 LE mark. */
export function isUtf32Bom(bytes: Uint8Array): boolean {
  const [b0, b1, b2, b3] = bytes;
  return (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  );
}

export function readBom(bytes: Uint8Array): Bom | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Browsers look for the declaration in the first 1024 bytes; saved pages sometimes push it further. */
const DECLARATION_WINDOW = 4096;
const XML_PROLOG = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)/i;
// Both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * The encoding the document declares, as the canonical WHATWG name TextDecoder uses
 * ('iso-8859-1' and 'latin1' are 'windows-1252'), or null when it declares none we can
 * decode. A UTF-16 declaration without a byte-order mark is ignored, as browsers do: the
 * declaration itself was readable as ASCII, so the bytes are not UTF-16.
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, DECLARATION_WINDOW));
  const label = XML_PROLOG.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  const encoding = canonicalEncoding(label);
  return encoding === null || encoding.startsWith('utf-16') ? null : encoding;
}

export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export interface Utf8Scan {
  /** Well-formed sequences of two to four bytes (anything beyond ASCII). */
  multiByte: number;
  /** Ill-formed sequences, each maximal broken run counted once. */
  broken: number;
  firstBrokenAt: number;
}

/**
 * Counts well-formed multi-byte and broken UTF-8 sequences (the ranges of the Unicode
 * standard, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, broken: 0, firstBrokenAt: -1 };
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length > 0) {
      scan.multiByte++;
      index += length;
    } else {
      if (scan.broken === 0) scan.firstBrokenAt = index;
      scan.broken++;
      index++;
      while (index < bytes.length && bytes[index]! >= 0x80 && bytes[index]! < 0xc0) index++;
    }
  }
  return scan;
}

/** Length of the well-formed sequence starting at `index`, or 0 when it is broken. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (index + length > bytes.length) return 0;
  const second = bytes[index + 1]!;
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * Windows-1252 → text. Not TextDecoder: Node 20.18.3+ (and 22.13+) decodes 'windows-1252'
 * as ISO-8859-1, turning € “ ” – … into C1 control codes (nodejs/node#60888). The code
 * page is Latin-1 except 0x80–0x9F; the five bytes it leaves undefined stay C1 codes, as
 * the WHATWG Encoding Standard says.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}
