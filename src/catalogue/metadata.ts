import type { ComparisonMethod, Polarity } from '../stats/index.js';

/** What Fingertips' indicator metadata says of an indicator. */
export interface IndicatorMetadata {
  polarity: Polarity | null;
  valueType: string | null;
  unit: string | null;
  method: ComparisonMethod | null;
  confidence: 0.95 | 0.998 | null;
}

/**
 * Fingertips' polarity wording, trimmed (real files pad it with spaces): "RAG - Low is good   ",
 * "BOB - Blue orange blue", "Not applicable", and FingertipsNext's "Low is good", "No judgement".
 *
 * @example parsePolarity('RAG - High is good  ') // 'high-is-good'
 */
export function parsePolarity(text: string): Polarity | null {
  const s = text.trim().toLowerCase();
  if (/low is good/.test(s)) return 'low-is-good';
  if (/high is good/.test(s)) return 'high-is-good';
  if (/blue|bob|no judgement/.test(s)) return 'no-judgement';
  if (/not applicable/.test(s)) return 'not-applicable';
  return null;
}

/**
 * A comparator method in Fingertips' wording: "Confidence intervals overlapping reference value
 * (99.8)" → method 1 at 99.8%.
 *
 * @example parseMethod('Confidence intervals overlapping reference value (95.0)') // { method: 1, confidence: 0.95 }
 */
export function parseMethod(text: string): { method: ComparisonMethod | null; confidence: 0.95 | 0.998 | null } {
  const s = text.toLowerCase();
  const confidence = /99\.8/.test(s) ? 0.998 : /95/.test(s) ? 0.95 : null;
  if (/overlapping reference value|single.*ci|benchmark value/.test(s)) return { method: 1, confidence };
  if (/spc.*proportion/.test(s)) return { method: 5, confidence };
  if (/spc.*dsr/.test(s)) return { method: 6, confidence };
  if (/double|both.*ci|two ci/.test(s)) return { method: 12, confidence };
  return { method: null, confidence };
}

