/**
 * A linear scale from a domain to a range, as d3-scale's scaleLinear does for the few charts here
 * (no dependency for one line of arithmetic); a zero-width domain maps to the middle of the range.
 *
 * @example linear([0, 10], [0, 100])(2.5) // 25
 */
export function linear(domain: [number, number], range: [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (x) => r0 + ((x - d0) / (d1 - d0)) * (r1 - r0);
}

/** A number for SVG coordinates: two decimals, no trailing zeros, so output is byte-stable. */
export const px = (x: number): string => String(Math.round(x * 100) / 100);

/** A domain padded by 5% on each side, over the finite values given. */
export function extent(values: (number | null | undefined)[]): [number, number] | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
  lo -= pad;
  hi += pad;
  return [lo, hi];
}
