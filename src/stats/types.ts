/**
 * Shared vocabulary of the statistics library.
 *
 * Polarity follows Fingertips' polarity ids (fingertips-open `PolarityIds`):
 * `low-is-good` = RAG 0, `high-is-good` = RAG 1, `no-judgement` = BOB 99 ("blue orange blue"),
 * `not-applicable` = -1 (never compared).
 */
export type Polarity = 'high-is-good' | 'low-is-good' | 'no-judgement' | 'not-applicable';

export const POLARITIES: readonly Polarity[] = ['high-is-good', 'low-is-good', 'no-judgement', 'not-applicable'];
