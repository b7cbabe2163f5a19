/**
 * IEEE 754 half-precision packing for the stored weights: 2^18 hashed weights per label
 * take 512 KB instead of 1 MB, and a logistic model's scores barely move (weights are
 * small numbers; half keeps ~3 significant digits). Node 20 has no Float16Array.
 */

const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** Float32 → half bits, rounding to nearest even; overflow becomes ±Infinity. */
export function toHalfBits(value: number): number {
  scratch[0] = value;
  const bits = scratchBits[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0); // Infinity / NaN
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half (or zero): shift the mantissa with its implicit leading 1.
    if (halfExponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - halfExponent;
    const rounded = roundShift(mantissa, shift);
    return sign | rounded;
  }
  const rounded = roundShift(mantissa, 13);
  // A mantissa that rounds up to 0x400 carries into the exponent, which the addition does.
  return sign | ((halfExponent << 10) + rounded);
}

function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

export function encodeHalf(values: Float32Array): Uint16Array {
  return Uint16Array.from(values, toHalfBits);
}

export function decodeHalf(bits: Uint16Array): Float32Array {
  return Float32Array.from(bits, fromHalfBits);
}

/** The values as they will be after a save and load, so training can score with those. */
export function roundToHalf(values: Float32Array): Float32Array {
  return decodeHalf(encodeHalf(values));
}
