// The encoding corpus: every kind of mail Japanese members send, made here, read by the desk's parser.
// Each asserts what a person sees: the decoded subject, the sender, the text and the attachment names.
import { describe, expect, it } from 'vitest';
import { parseIncoming, topReceivedDate } from '../../../electron/core/inbox/parse-mail.ts';
import { referencesIn } from '../../../electron/core/inbox/thread-match.ts';
import { corpus, headers, malformed, plainMail } from '../../support/mail-corpus.ts';

describe('the incoming-mail corpus', () => {
  for (const entry of corpus()) {
    it(`reads ${entry.name}`, async () => {
      const p = await parseIncoming(entry.raw);
      expect(p.parseState).toBe('ok');
      expect(p.subject).toBe(entry.expect.subject);
      expect(p.fromAddress).toBe(entry.expect.fromAddress);
      if (entry.expect.fromName !== undefined) expect(p.fromName).toBe(entry.expect.fromName);
      for (const t of entry.expect.text) expect(p.bodyText).toMatch(t);
      for (const t of entry.expect.notText ?? []) expect(p.bodyText).not.toMatch(t);
      expect(p.bodyText).not.toMatch(/\uFFFD/); // no replacement characters: nothing decoded wrongly
      expect(p.attachments.map((a) => a.filename)).toEqual(entry.expect.attachments);
    });
  }

  it('keeps the attachment bytes as sent (the zip is stored, never opened)', async () => {
    const entry = corpus().find((e) => e.name.startsWith('attachments'))!;
    const p = await parseIncoming(entry.raw);
    const zip = p.attachments.find((a) => a.filename === 'documents.zip')!;
    expect(zip.contentType).toBe('application/zip');
    expect(zip.content.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(p.attachments.find((a) => a.filename === 'IMG_0001.HEIC')!.contentType).toBe('image/heic');
  });

  for (const bad of malformed()) {
    it(`says "could not be read" for ${bad.name}, without throwing`, async () => {
      const p = await parseIncoming(bad.raw);
      expect(p.parseState).toBe('unreadable');
      expect(p.attachments).toEqual([]);
    });
  }
});

describe('arrival and threading headers', () => {
  it('takes the arrival from the topmost Received header, not the sender’s Date', async () => {
    const p = await parseIncoming(
      plainMail({
        received: ['from mx by imap.juo.example; Tue, 24 Nov 2026 09:15:02 +0900 (JST)', 'from phone by mx.example.net; Mon, 23 Nov 2026 08:00:00 +0900'],
        date: 'Sun, 1 Nov 2026 00:00:00 +0900',
      }),
    );
    expect(p.receivedAt).toBe('2026-11-24T00:15:02.000Z');
    expect(p.dateHeader).toBe('2026-10-31T15:00:00.000Z');
    expect(topReceivedDate('from x by y')).toBeNull();
  });

  it('finds case references in subjects however they are written', () => {
    expect(referencesIn('Re: 【PD-2026-00042】受付のお知らせ')).toEqual(['PD-2026-00042']);
    expect(referencesIn('RE: Fw: ＰＤ－２０２６－０００４２ について')).toEqual(['PD-2026-00042']);
    expect(referencesIn('転送: pd-2026-00007')).toEqual(['PD-2026-00007']);
    expect(referencesIn('開示請求')).toEqual([]);
  });

  it('marks automatic replies (Auto-Submitted, X-Autoreply, 自動返信/不在)', async () => {
    expect((await parseIncoming(plainMail({ extra: ['Auto-Submitted: auto-replied'] }))).autoReply).toBe(true);
    expect((await parseIncoming(plainMail({ extra: ['X-Autoreply: yes'] }))).autoReply).toBe(true);
    expect((await parseIncoming(plainMail({ subject: '=?UTF-8?B?' + Buffer.from('不在のお知らせ').toString('base64') + '?=' }))).autoReply).toBe(true);
    expect((await parseIncoming(plainMail({ subject: 'Re: 開示請求', extra: ['Auto-Submitted: no'] }))).autoReply).toBe(false);
  });

  it('counts 500 recipients without trouble', async () => {
    const to = Array.from({ length: 500 }, (_v, i) => `r${i}@example.com`).join(', ');
    const p = await parseIncoming(Buffer.from(`${headers({ to, subject: 'many' })}\r\nContent-Type: text/plain\r\n\r\nx\r\n`, 'latin1'));
    expect(p.recipientCount).toBe(500);
  });
});
