// One notice, one delivery (issue 10): after a notice is delivered by one channel, a person may send it by
// the other as a copy — once, while the case is open. The core checks the same rule (delivery.ts); this
// decides which button the case file offers.
import type { CaseFile, OwedNotice } from '../../../../electron/contract/index.ts';

/** Which copy a person may send of a delivered notice: by the channel it did not go by, once. */
export function copyChannelOf(o: OwedNotice, file: Pick<CaseFile, 'case'>): 'mail' | 'letter' | null {
  if (file.case.status === 'closed' || o.deliveredBy === null) return null;
  if (o.deliveredBy === 'mail' && !o.copies.includes('letter')) return 'letter';
  // By email only where an email of it exists to send (the draft the letter settled: the requester has an address).
  if (o.deliveredBy === 'letter' && !o.copies.includes('mail') && o.outboxId !== null) return 'mail';
  return null;
}
