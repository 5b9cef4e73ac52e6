import { describe, expect, it } from 'vitest';
import { formatCount, formatValue, formatWithCi } from '../../src/render/format.js';

describe('formatValue', () => {
  it('gives one decimal place, thousands separated, and three significant figures below 1', () => {
    expect(formatValue(1234.56)).toBe('1,234.6');
    expect(formatValue(-5)).toBe('-5.0');
    expect(formatValue(1e6)).toBe('1,000,000.0');
    expect(formatValue(0)).toBe('0.0');
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(79.95)).toBe('80.0');
  });

  it('shows a missing value as a dash, never 0', () => {
    for (const v of [null, undefined, NaN, Infinity]) expect(formatValue(v)).toBe('–');
  });
});

describe('formatWithCi and formatCount', () => {
  it('writes a value with its interval, or alone when a limit is missing', () => {
    expect(formatWithCi(78.51, 77.94, 79.12)).toBe('78.5 (77.9–79.1)');
    expect(formatWithCi(78.51, null, 79.12)).toBe('78.5');
    expect(formatWithCi(null, 1, 2)).toBe('–');
    expect(formatCount(12345)).toBe('12,345');
  });
});
