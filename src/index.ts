/** marmot as a library: the statistics core, the reader and the baseline computation. */
export * from './stats/index.js';
export { readExtract, type Extract, type InputSummary } from './ingest/read-extract.js';
export type { IndicatorRow } from './ingest/row.js';
export { matchHeader, canonicalKey } from './ingest/headers.js';
export { parseTimePeriod, type TimePeriod } from './normalise/time-period.js';
export { geographyLevel, type GeographyLevel } from './normalise/area.js';
export { computeBaseline } from './compute/baseline.js';
export { BaselineEnvelopeSchema, type BaselineEnvelope, type BaselineRow } from './compute/baseline-schema.js';
export { loadCatalogue } from './io/load-catalogue.js';
export { run } from './cli.js';
