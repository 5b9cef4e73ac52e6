/**
 * Cell values: numbers, the many ways a value is missing, and the HTML the Fingertips web export
 * puts in cells. A missing value is null with its reason, never 0.
 */

/** Tokens that mean "no value" in Fingertips files, R output and UK statistical tables. */
const MISSING_TOKENS = new Map<string, string>([
  ['', 'blank'], ['na', 'NA'], ['n/a', 'not available'], ['#n/a', 'not available'], ['null', 'blank'],
  ['-', 'no data'], ['–', 'no data'], ['..', 'not available'], [':', 'not available'], ['*', 'suppressed'],
  ['x', 'not available'], ['c', 'suppressed'], ['[c]', 'suppressed'], ['[x]', 'not available'], ['[z]', 'not applicable'],
  ['z', 'not applicable'], ['[low]', 'low reliability'], ['low', 'low reliability'], ['u', 'low reliability'], ['k', 'suppressed'],
]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export type ParsedNumber = { ok: true; value: number | null; missing: string | null } | { ok: false };

/**
 * Removes the formatting tags Fingertips' web export wraps cells in (div, span, br, b, i, p) and
 * decodes the few entities it writes. Other tags are data, kept as text (and escaped on output).
 */
export function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  return s
    .replace(/<\/?(?:div|span|br|b|i|p|strong|em)\b[^>]*>/gi, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a cell that is a decimal as Fingertips writes almost every number (an optional
 * sign, digits with at most one point, no exponent, no spaces), NaN for any other cell: the NUMBER
 * pattern's common case, read in one pass without the HTML, trim and regular-expression steps (a
 * national file has 30 million). Equal to Number(s): up to 15 digits, the digits make an exact
 * integer below 2^53 and the point an exact power of ten, so one IEEE division gives the correctly
 * rounded value, as Number does (Clinger's fast path, "How to read floating point numbers
 * accurately", 1990), without Number's runtime call; longer cells are given to Number.
 *
 * @example plainDecimalValue('-46.25') // -46.25
 */
function plainDecimalValue(s: string): number {
  const n = s.length;
  const first = s.charCodeAt(0);
  let i = first === 45 || first === 43 ? 1 : 0;
  let digits = 0;
  let mantissa = 0;
  let point = false;
  let decimals = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (point) decimals++;
    } else if (c === 46 && !point) point = true;
    else return NaN;
  }
  if (digits === 0) return NaN;
  if (digits > 15) return Number(s);
  const value = decimals === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[decimals]!;
  return first === 45 ? -value : value;
}

/**
 * A numeric cell: a number (thousands separators allowed, as the web export writes counts),
 * or a recognised missing token (null, with the reason), or not a number at all.
 *
 * @example parseNumber('"74,588"'.slice(1, -1)) // { ok: true, value: 74588, missing: null }
 * @example parseNumber('<div class="no-data">-</div>') // { ok: true, value: null, missing: 'no data' }
 */
export function parseNumber(raw: string): ParsedNumber {
  const plain = plainDecimalValue(raw);
  if (plain === plain) return { ok: true, value: plain, missing: null };
  const s = stripHtml(raw).trim();
  if (NUMBER.test(s)) return { ok: true, value: Number(s), missing: null };
  if (THOUSANDS.test(s)) return { ok: true, value: Number(s.replace(/,/g, '')), missing: null };
  const reason = MISSING_TOKENS.get(s.toLowerCase());
  if (reason !== undefined) return { ok: true, value: null, missing: reason };
  return { ok: false };
}

/**
 * parseNumber's value without its result object, for the millions of cells of a national file:
 * the number, null for a missing token, undefined for a cell that is not a number.
 *
 * @example numberValue('12.5') // 12.5
 * @example numberValue('*') // null
 */
export function numberValue(raw: string): number | null | undefined {
  if (raw === '') return null;
  const plain = plainDecimalValue(raw);
  if (plain === plain) return plain;
  const parsed = parseNumber(raw);
  return parsed.ok ? parsed.value : undefined;
}

/** A text cell: HTML removed, whitespace trimmed and folded; blank or NA becomes null. */
export function cleanText(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const s = stripHtml(raw).replace(/\s+/g, ' ').trim();
  return s === '' || s === 'NA' ? null : s;
}

/** A value note: as text, without the web export's leading "* ". */
export function cleanNote(raw: string | undefined): string | null {
  const s = cleanText(raw);
  return s === null ? null : s.replace(/^\*\s*/, '');
}
