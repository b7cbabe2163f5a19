/**
 * How column values come back, identical on PostgreSQL (pg) and PGlite, whose defaults
 * differ: pg returns int8 as a string and bytea as a Buffer, PGlite int8 as a number and
 * `date` at UTC rather than local midnight.
 *
 * - int8 (bigint ids, count(*)) → number; a value beyond 2^53 throws rather than rounding.
 * - bytea → Uint8Array (pg's Buffer is re-wrapped, no copy).
 * - date → the 'YYYY-MM-DD' text, free of any time zone.
 * - timestamptz → Date (both defaults already agree); int4, float8, bool, json as usual;
 *   numeric stays a string on both.
 */
import pg from 'pg';

export const OID = { int8: 20, bytea: 17, date: 1082 } as const;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint value ${text} does not fit a JS number exactly`);
  }
  return value;
}

function keepText(text: string): string {
  return text;
}

const parsePgBytea = pg.types.getTypeParser(OID.bytea, 'text');

function parseByteaFromPg(text: string): Uint8Array {
  const buffer = parsePgBytea(text) as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** For pg's `types` option: only this pool parses this way, not every pg client in the process. */
export const pgTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.bytea) return parseByteaFromPg;
    if (oid === OID.date) return keepText;
    return format === 'binary'
      ? pg.types.getTypeParser(oid, 'binary')
      : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser']
};

/** For PGlite's `parsers` option (bytea and timestamptz already match). */
export const pgliteTypeParsers = {
  [OID.int8]: parseInt8,
  [OID.date]: keepText
};
