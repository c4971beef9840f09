import { z } from 'zod';
import { idSchema, localizedText } from './scheme-fields';

/** A tier of the ladder; rank 1 is the best. */
export const tierSchema = z.strictObject({
  id: idSchema('id'),
  name: localizedText('name'),
  rank: z
    .number({ error: 'rank must be a number' })
    .int('rank must be a whole number')
    .min(1, 'rank starts at 1 (the best tier)')
    .max(100),
});
export type Tier = z.output<typeof tierSchema>;
