// The inquiry and complaint methods of the contract (issue 19): reply templates (core/notices/reply-templates.ts),
// a template filled for a case, and the blank request form (core/letters/request-form.ts).
import type { FilledReply, MethodsOf } from '../../contract/index.ts';
import { isContactType } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import { caseRow } from '../cases/records.ts';
import { toDetail } from '../cases/case-file.ts';
import { channelOf } from '../notices/recipient.ts';
import { fillReply, listReplyTemplates, saveReplyTemplate } from '../notices/reply-templates.ts';
import { renderRequestForm } from '../letters/request-form.ts';
import { requestFormPdfInfo, storeRequestFormPdf } from '../mail/attachments.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { DeskContext } from './desk-context.ts';

import type { HandlerMap } from './handler.ts';

export function inquiryHandlers(ctx: DeskContext): HandlerMap<MethodsOf<'inquiries'>> {
  return {
    'inquiries.replyTemplates': async () => listReplyTemplates(await ctx.settings()),
    'inquiries.saveReplyTemplate': async (input, user) => ctx.db().transaction().execute((trx) => saveReplyTemplate(trx, input, user.username, ctx.now())),
    'inquiries.fillReply': async ({ id, template }): Promise<FilledReply> => {
      const row = await caseRow(ctx.db(), id);
      if (!isContactType(row.type)) throw new DeskError({ code: 'NOT_FOR_CASE_TYPE', action: 'answer', type: row.type });
      const detail = toDetail(row);
      const channel = channelOf(detail) === 'mail' ? 'mail' : 'letter';
      const formAttached = channel === 'mail' && (await requestFormPdfInfo(ctx.db())) !== null;
      const text = fillReply(template, detail, await ctx.settings(), channel, formAttached);
      return { template, ...text, channel, withRequestForm: template === 'how_to_request', formAttached };
    },
    'inquiries.requestForm': async () => ({ html: renderRequestForm(await ctx.settings()), fileName: 'request-form.pdf' }),
    'inquiries.requestFormPdf': async () => requestFormPdfInfo(ctx.db()),
    'inquiries.saveRequestFormPdf': async ({ base64 }, user) =>
      ctx.db().transaction().execute(async (trx) => {
        const info = await storeRequestFormPdf(trx, Buffer.from(base64, 'base64'), user.username, ctx.now());
        await appendAudit(trx, { actor: user.username, action: 'inquiries.saveRequestFormPdf', entity: 'settings', entityId: 'request_form_pdf', detail: { size: info.size } }, ctx.now());
        return info;
      }),
  };
}
