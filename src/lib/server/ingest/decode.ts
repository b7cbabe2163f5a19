/**
 * Bytes → text. The encoding is detected, never assumed:
 *
 * 1. A byte-order mark decides (UTF-8, UTF-16 LE/BE); the bytes must then be valid in it.
 * 2. NUL bytes mean UTF-16 without a mark (when they sit in every other byte) or binary.
 * 3. Well-formed UTF-8 that uses multi-byte sequences is UTF-8, whatever the page declares:
 *    legacy text practically never forms valid multi-byte UTF-8 by chance, while pages
 *    re-saved as UTF-8 often keep their old `<meta charset>`.
 * 4. Otherwise a declaration (`<meta charset>`, `http-equiv`, XML prolog) decides; a page
 *    declaring UTF-8 whose bytes are not UTF-8 is refused rather than guessed at.
 * 5. Undeclared bytes that are not UTF-8: mostly well-formed UTF-8 with some broken
 *    sequences is a damaged file (refused); with more broken than well-formed multi-byte
 *    sequences it is the usual legacy Western encoding, Windows-1252 (a superset of
 *    ISO-8859-1 in everything printable).
 *
 * String input is already text: it is checked the same way and reported as 'utf-8', the
 * encoding it is stored in.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { bomlessUtf16, refuseBinaryText, refuseKnownBinary, refuseNulBytes } from './sniff';
import { declaredEncoding, decodeWindows1252, isUtf32Bom, readBom, scanUtf8 } from './charset';
import { IngestError } from './errors';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Stateless between calls (no `stream` option), so one decoder serves every document. */
const UTF8 = new TextDecoder('utf-8');

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used: 'utf-8', 'utf-16le', 'windows-1252', ... */
  encoding: string;
}

export function decodeDocument(
  input: Uint8Array | string,
  maxBytes: number = MAX_DOCUMENT_BYTES
): DecodedText {
  const decoded =
    typeof input === 'string'
      ? { text: refuseTooLargeText(input, maxBytes), encoding: 'utf-8' }
      : decodeBytes(input, maxBytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new IngestError(
      'empty',
      'The document is empty: it holds no text (at most white space). Check that you picked the right file.'
    );
  refuseBinaryText(text);
  return { text, encoding: decoded.encoding };
}

function decodeBytes(bytes: Uint8Array, maxBytes: number): DecodedText {
  if (bytes.length > maxBytes) refuseTooLarge(bytes.length, maxBytes);
  if (bytes.length === 0)
    throw new IngestError(
      'empty',
      'The document is empty (0 bytes). Check that you picked the right file.'
    );
  refuseKnownBinary(bytes);
  if (isUtf32Bom(bytes))
    throw new IngestError(
      'invalid_encoding',
      'The file is in UTF-32, which is not supported. Save it again as UTF-8 and upload it again.'
    );

  const bom = readBom(bytes);
  if (bom)
    return decodeStrictly(bytes.subarray(bom.length), bom.encoding, 'its byte-order mark says');

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = bomlessUtf16(bytes);
    if (!utf16) refuseNulBytes(nul);
    return decodeStrictly(bytes, utf16, 'its NUL bytes suggest');
  }

  const declared = declaredEncoding(bytes);
  // Well-formed UTF-8, nearly every page, validated natively (isUtf8 checks the same ranges
  // as scanUtf8) instead of byte by byte in JavaScript: the same decision as below, faster.
  if (isUtf8(bytes) && (declared === null || !isAscii(bytes)))
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  const scan = scanUtf8(bytes);
  if (scan.broken === 0 && (scan.multiByte > 0 || declared === null))
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  if (declared !== null) return decodeStrictly(bytes, declared, 'the page declares');
  if (scan.multiByte >= scan.broken)
    throw new IngestError(
      'invalid_encoding',
      `The file is mostly UTF-8 but has ${scan.broken} broken byte sequence${scan.broken === 1 ? '' : 's'} ` +
        `(the first at byte ${scan.firstBrokenAt}); it may be damaged or mix two encodings. ` +
        'Save the page again as UTF-8 and upload it again.'
    );
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function decodeStrictly(bytes: Uint8Array, encoding: string, because: string): DecodedText {
  // Windows-1252 decodes every byte, so it cannot fail.
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new IngestError(
      'invalid_encoding',
      `The file is not valid ${encodingName(encoding)}, though ${because} it is. It may be damaged ` +
        'or saved in another encoding. Save the page again (as UTF-8 if you can) and upload it again.'
    );
  }
}

function encodingName(encoding: string): string {
  return encoding.startsWith('utf-')
    ? encoding.toUpperCase().replace('LE', ' LE').replace('BE', ' BE')
    : encoding;
}

function refuseTooLargeText(text: string, maxBytes: number): string {
  // Each UTF-16 code unit takes one to three bytes in UTF-8: only measure when it matters.
  if (text.length > maxBytes) refuseTooLarge(Buffer.byteLength(text, 'utf8'), maxBytes);
  if (text.length * 3 > maxBytes) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > maxBytes) refuseTooLarge(size, maxBytes);
  }
  return text;
}

function refuseTooLarge(size: number, maxBytes: number): never {
  throw tooLargeError(size, maxBytes);
}

/** Also what the upload API answers (413) for a body over the limit, before parsing it. */
export function tooLargeError(size: number, maxBytes: number): IngestError {
  return new IngestError(
    'too_large',
    `The document is ${formatSize(size)} (${size.toLocaleString('en-US')} bytes), over the ` +
      `${formatSize(maxBytes)} limit (${maxBytes.toLocaleString('en-US')} bytes). Save only the ` +
      'article page, without images or scripts, or split the file.'
  );
}

function formatSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
