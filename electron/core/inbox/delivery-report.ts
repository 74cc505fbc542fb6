// A delivery-status notification (RFC 3464, multipart/report; report-type=delivery-status): which
// recipient failed, the status code, the receiving server's own words, and the Message-ID of the mail
// that bounced (from the returned message or its headers), so the desk can find its own notice.
import type { Attachment } from 'mailparser';
import { normaliseMessageId } from './parse-mail.ts';

export interface DeliveryReport {
  /** e.g. 5.1.1; 4.x.x is a delay, not a failure. */
  status: string;
  action: string;
  recipient: string;
  /** The server's words (Diagnostic-Code), as they were. */
  diagnostic: string;
  originalMessageId: string | null;
}

function field(text: string, name: string): string {
  const m = new RegExp(`^${name}:[ \\t]*([^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*)`, 'im').exec(text);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

export function readDeliveryReport(statusText: string, parts: readonly Attachment[]): DeliveryReport {
  let originalMessageId: string | null = null;
  for (const p of parts) {
    const type = p.contentType.toLowerCase();
    if (type === 'message/rfc822' || type === 'text/rfc822-headers' || type === 'message/rfc822-headers' || type === 'message/global') {
      const head = p.content.toString('utf8');
      originalMessageId = normaliseMessageId(field(head, 'Message-ID'));
      if (originalMessageId) break;
    }
  }
  const recipient = field(statusText, 'Final-Recipient') || field(statusText, 'Original-Recipient');
  return {
    status: field(statusText, 'Status').split(/\s/)[0] ?? '',
    action: field(statusText, 'Action').toLowerCase(),
    recipient: recipient.replace(/^[^;]*;\s*/, ''),
    diagnostic: field(statusText, 'Diagnostic-Code').replace(/^smtp;\s*/i, '').slice(0, 1000),
    originalMessageId,
  };
}
