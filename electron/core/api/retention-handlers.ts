// The retention methods of the contract (core/retention), supervisors only.
import type { MethodsOf } from '../../contract/index.ts';
import type { RetentionView } from '../../contract/retention.ts';
import { oldBackups } from '../retention/old-backups.ts';
import { readRetentionYears, retentionCutoff, writeRetentionYears } from '../retention/policy.ts';
import { previewPurge, runPurge } from '../retention/purge.ts';
import { setLegalHold } from '../retention/legal-hold.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type RetentionMethod = MethodsOf<'retention'>;

export function retentionHandlers(ctx: DeskContext): HandlerMap<RetentionMethod> {
  const view = async (): Promise<RetentionView> => {
    const years = await readRetentionYears(ctx.db());
    const cutoff = retentionCutoff(ctx.now(), years);
    return { years, cutoff, oldBackups: await oldBackups(await ctx.settings(), cutoff) };
  };
  return {
    'retention.get': async () => view(),
    'retention.update': async ({ years }, user) => {
      await writeRetentionYears(ctx.db(), years, user.username, ctx.now());
      return view();
    },
    'retention.preview': async () => previewPurge(ctx.db(), ctx.now()),
    'retention.purge': async (_input, user) => runPurge({ db: ctx.db(), actor: user.username, now: ctx.now() }),
    'retention.setLegalHold': async ({ id, hold, reason }, user) => {
      await setLegalHold({ db: ctx.db(), actor: user.username, now: ctx.now() }, id, hold, reason);
      return null;
    },
  } satisfies HandlerMap<RetentionMethod>;
}
