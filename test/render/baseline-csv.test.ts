/* The baseline CSV header written out in the renderer equals the row schema, flattened. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BaselineRowSchema } from '../../src/compute/baseline-schema.js';
import { CSV_COLUMNS } from '../../src/render/baseline.js';

describe('baseline CSV columns', () => {
  it('are the fields of BaselineRowSchema, nested ones as parent_child, in order', () => {
    const fromSchema = Object.entries(BaselineRowSchema.shape).flatMap(([k, v]) =>
      v instanceof z.ZodObject ? Object.keys(v.shape).map((k2) => `${k}_${k2}`) : [k]);
    expect(CSV_COLUMNS).toEqual(fromSchema);
  });
});
