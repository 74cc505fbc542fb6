// A training or test case, marked at intake: the desk drafts no mail for it at any step (its address may
// be a real person's), and reports leave it out (hand-computed.test.ts counts around two of them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Input } from '../../../electron/contract/index.ts';

let rt: DeskRuntime;
let dir: { path: string; remove(): void };
const now = Date.parse('2026-11-24T01:00:00Z');

const intake = (training: boolean): Input<'cases.create'> => ({
  type: 'disclosure',
  channel: 'email',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: '研修 太郎',
  memberEmail: 'real.person@example.jp',
  requestText: '開示を求めます。',
  delivery: 'electronic',
  training,
});

beforeEach(async () => {
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('training cases', () => {
  it('get no mail drafted (acknowledgement, documents request, withdrawal) and are not counted; a real case is', async () => {
    const real = value(await rt.call('cases.create', intake(false)));
    const training = value(await rt.call('cases.create', intake(true)));
    for (const id of [real.id, training.id]) {
      value(await rt.call('cases.pause', { id, reasonKind: 'identity_documents', reason: '書類待ち' }));
      value(await rt.call('cases.withdraw', { id, reason: '取下げ', written: true }));
    }
    const outbox = async (caseId: number) => value(await rt.call('outbox.list', { caseId })).total;
    expect(await outbox(real.id)).toBeGreaterThanOrEqual(3);
    expect(await outbox(training.id)).toBe(0);
    const file = value(await rt.call('cases.get', { id: training.id }));
    expect(file.timeline[0]).toMatchObject({ kind: 'received', data: { training: true } });
    const r = value(await rt.call('reports.get', { from: '2026-11-01', to: '2026-11-30' }));
    expect([r.received, r.withdrawn + r.openNow]).toEqual([1, 1]);
  });
});
