// Views of one's own: the queue's filters saved under a name. Per person; a supervisor may share a view
// with the desk. `params` is the queue's address query (renderer/src/features/queue/queueParams.ts).
import { z } from 'zod';

export const viewInputs = {
  save: z
    .object({
      name: z.string().transform((s) => s.normalize('NFKC').trim()).pipe(z.string().min(1).max(60)),
      params: z.string().max(2000),
      shared: z.boolean().default(false),
    })
    .strict(),
  remove: z.object({ id: z.number().int().positive() }).strict(),
};

export interface SavedQueueView {
  id: number;
  name: string;
  params: string;
  shared: boolean;
  owner: string;
  /** Whether the person asking may delete it (their own, or a shared one for a supervisor). */
  mine: boolean;
}
