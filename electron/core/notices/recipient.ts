// Who a notice about a case goes to (DOMAIN.md "Requester"): the requester. A legal representative or
// an agent has their own name, postal code, address and email, and their notices go there, naming the
// member in the body; the member's own contact is used only when the member is the requester. The one
// owner of that rule: letters (window, salutation), email drafts (To) and "ready to print" all ask here.
import type { DeliveryChannel, DeliveryPreference, RequesterKind } from '../../contract/index.ts';

export interface RecipientSource {
  requesterKind: RequesterKind;
  requesterName: string;
  requesterPostalCode: string;
  requesterAddress: string;
  requesterEmail: string;
  memberName: string;
  memberPostalCode: string;
  memberAddress: string;
  memberEmail: string;
  delivery: DeliveryPreference | null;
}

export interface Recipient {
  kind: RequesterKind;
  name: string;
  postalCode: string;
  address: string;
  email: string;
  /** The member a representative or agent acts for (named in the window line and the body); null for the member. */
  onBehalfOf: string | null;
}

export function recipientOf(c: RecipientSource): Recipient {
  if (c.requesterKind === 'member') {
    return { kind: 'member', name: c.memberName, postalCode: c.memberPostalCode, address: c.memberAddress, email: c.memberEmail, onBehalfOf: null };
  }
  return { kind: c.requesterKind, name: c.requesterName, postalCode: c.requesterPostalCode, address: c.requesterAddress, email: c.requesterEmail, onBehalfOf: c.memberName };
}

export const hasPostalAddress = (r: Pick<Recipient, 'postalCode' | 'address'>) => r.postalCode.trim() !== '' && r.address.trim() !== '';

/**
 * The channel a notice goes by: email when the requester has an address and did not ask for paper
 * (a disclosure's paper copy), otherwise a letter. A person may still deliver a copy by the other one.
 */
export function channelOf(c: RecipientSource): DeliveryChannel {
  const r = recipientOf(c);
  return r.email !== '' && c.delivery !== 'paper' ? 'mail' : 'letter';
}

/** Row columns → RecipientSource (the queue, ready letters and drafts read rows, not case files). */
export function recipientSourceOfRow(r: {
  requester_kind: RequesterKind;
  requester_name: string;
  requester_postal_code: string;
  requester_address: string;
  requester_email: string;
  member_name: string;
  member_postal_code: string;
  member_address: string;
  member_email: string;
  delivery: DeliveryPreference | null;
}): RecipientSource {
  return {
    requesterKind: r.requester_kind,
    requesterName: r.requester_name,
    requesterPostalCode: r.requester_postal_code,
    requesterAddress: r.requester_address,
    requesterEmail: r.requester_email,
    memberName: r.member_name,
    memberPostalCode: r.member_postal_code,
    memberAddress: r.member_address,
    memberEmail: r.member_email,
    delivery: r.delivery,
  };
}
