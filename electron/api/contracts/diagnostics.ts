import { oc } from '@orpc/contract';
import { z } from 'zod';

export const diagnostics = {
  /** Versions, engines and endpoints as plain text for a bug report; never secrets. */
  get: oc.output(z.object({ text: z.string() })),
};
