// A corpus of real-looking incoming mail, made by the test suite (no files checked in): every encoding
// Japanese mail clients and phones send, attachment names in RFC 2047 and RFC 2231, HTML-only mail,
// forwards, bounces, automatic replies and malformed mail. Each entry says what a person must see.
import Encoding from 'encoding-japanese';

const CRLF = '\r\n';

export function encodeJa(text: string, to: 'JIS' | 'SJIS' | 'EUCJP'): Buffer {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }) as number[]);
}

/** RFC 2047 B-encoding of `text` in `charset` (bytes made by `encode`). */
export function word(text: string, charset: string, bytes: Buffer = Buffer.from(text, 'utf8')): string {
  return `=?${charset}?B?${bytes.toString('base64')}?=`;
}

function qp(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let line = 0;
  for (const b of bytes) {
    const c = b === 0x0a ? '\r\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (c === '\r\n') {
      out += c;
      line = 0;
      continue;
    }
    if (line + c.length > 73) {
      out += '=\r\n';
      line = 0;
    }
    out += c;
    line += c.length;
  }
  return out;
}

const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

export interface HeaderOptions {
  from?: string;
  to?: string;
  subject?: string; // already encoded when needed
  messageId?: string;
  date?: string;
  received?: string[];
  extra?: string[];
}

export function headers(h: HeaderOptions): string {
  const lines = [
    ...(h.received ?? ['from mx.example.net (mx.example.net [192.0.2.1]) by imap.juo.example (Postfix) with ESMTPS id 4Abc; Tue, 24 Nov 2026 09:15:02 +0900 (JST)']).map((r) => `Received: ${r}`),
    `From: ${h.from ?? 'yamada@example.com'}`,
    `To: ${h.to ?? 'privacy@juo.example'}`,
    `Subject: ${h.subject ?? 'test'}`,
    `Date: ${h.date ?? 'Mon, 23 Nov 2026 23:59:00 +0900'}`,
    `Message-ID: ${h.messageId ?? `<${Math.random().toString(36).slice(2)}@example.com>`}`,
    'MIME-Version: 1.0',
    ...(h.extra ?? []),
  ];
  return lines.join(CRLF);
}

export interface CorpusEntry {
  name: string;
  raw: Buffer;
  expect: { subject: string; fromAddress: string; fromName?: string; text: RegExp[]; notText?: RegExp[]; attachments: string[]; unreadable?: boolean };
}

const TEXT_JA = '株式会社ＪＵＯ 個人情報保護窓口 御中\n登録情報の開示を請求します。①会員番号 12345\n山田 太郎';
const SJIS_TEXT = '開示請求です。﨑（はしご高）と髙も含みます。ｶﾀｶﾅも。';
const ATT = {
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-image')]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png-test')]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  heic: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(12)]),
  zip: Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('evil.exe')]),
};

function part(contentType: string, body: string, extra: string[] = []): string {
  return [`Content-Type: ${contentType}`, ...extra, '', body].join(CRLF);
}

function multipart(kind: string, boundary: string, parts: string[]): string {
  return [`Content-Type: multipart/${kind}; boundary="${boundary}"`, '', 'This is a multi-part message in MIME format.', ...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(CRLF);
}

function latin1(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/** A mail in a Japanese legacy charset: subject as RFC 2047 in that charset, body 7bit/8bit in it. */
function legacy(name: string, label: string, enc: 'JIS' | 'SJIS' | 'EUCJP', subject: string, text: string, cte: string): CorpusEntry {
  const head = headers({ from: `${word('山田 太郎', label, encodeJa('山田 太郎', enc))} <yamada@example.com>`, subject: word(subject, label, encodeJa(subject, enc)) });
  const raw = Buffer.concat([latin1(`${head}${CRLF}Content-Type: text/plain; charset="${label}"${CRLF}Content-Transfer-Encoding: ${cte}${CRLF}${CRLF}`), encodeJa(text.replace(/\n/g, '\r\n'), enc), latin1(CRLF)]);
  return { name, raw, expect: { subject, fromAddress: 'yamada@example.com', fromName: '山田 太郎', text: text.split('\n').map((l) => new RegExp(escape(l))), attachments: [] } };
}

export function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function corpus(): CorpusEntry[] {
  const entries: CorpusEntry[] = [
    legacy('iso-2022-jp', 'ISO-2022-JP', 'JIS', '【開示請求】登録情報について', TEXT_JA, '7bit'),
    legacy('cp50220', 'CP50220', 'JIS', '開示請求（ＣＰ５０２２０）', TEXT_JA, '7bit'),
    legacy('cp50221 half-width katakana', 'CP50221', 'JIS', 'ｶﾀｶﾅの件名', 'ｶﾀｶﾅ ﾃﾞｽ\n①②③ ㈱', '7bit'),
    legacy('iso-2022-jp-ms label', 'ISO-2022-JP-MS', 'JIS', '開示のお願い', '①番の件', '7bit'),
    legacy('shift_jis', 'Shift_JIS', 'SJIS', '訂正の請求（シフトJIS）', SJIS_TEXT, '8bit'),
    legacy('euc-jp', 'EUC-JP', 'EUCJP', '利用停止の請求（EUC）', '利用停止を求めます。\n髙橋 一郎', '8bit'),
  ];

  entries.push({
    name: 'utf-8 base64',
    raw: latin1(`${headers({ from: `${word('佐藤 花子', 'UTF-8')} <sato@example.com>`, subject: word('開示請求 UTF-8 base64', 'UTF-8') })}${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(Buffer.from('私の登録情報を開示してください。\n会員番号：ＡＢ１２３', 'utf8'))}${CRLF}`),
    expect: { subject: '開示請求 UTF-8 base64', fromAddress: 'sato@example.com', fromName: '佐藤 花子', text: [/私の登録情報を開示してください。/, /会員番号：ＡＢ１２３/], attachments: [] },
  });
  entries.push({
    name: 'utf-8 quoted-printable',
    raw: latin1(`${headers({ from: 'sato@example.com', subject: `=?UTF-8?Q?=E8=A8=82=E6=AD=A3=E8=AB=8B=E6=B1=82?=` })}${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${qp('住所が変わりました。訂正してください。長い行'.repeat(4))}${CRLF}`),
    expect: { subject: '訂正請求', fromAddress: 'sato@example.com', text: [/住所が変わりました。訂正してください。長い行住所が/], attachments: [] },
  });

  const att = (contentType: string, nameParams: string, content: Buffer) => part(contentType + nameParams.split('|')[0], b64(content), ['Content-Transfer-Encoding: base64', `Content-Disposition: attachment${nameParams.split('|')[1] ?? ''}`]);
  const rfc2231 = encodeURIComponent('在留カード.jpg');
  entries.push({
    name: 'attachments: RFC 2047 and RFC 2231 names, JPEG PNG PDF HEIC zip',
    raw: latin1(
      `${headers({ from: 'member@example.com', subject: word('本人確認書類の送付', 'UTF-8') })}${CRLF}` +
        multipart('mixed', 'b-att', [
          part('text/plain; charset=UTF-8', b64(Buffer.from('書類を添付します。', 'utf8')), ['Content-Transfer-Encoding: base64']),
          att('image/jpeg', `; name="${word('在留カード.jpg', 'UTF-8')}"|; filename="${word('在留カード.jpg', 'UTF-8')}"`, ATT.jpeg),
          att('image/png', `|; filename*=UTF-8''${encodeURIComponent('住民票の写し.png')}`, ATT.png),
          att('application/pdf', `|; filename*0*=UTF-8''${rfc2231.slice(0, 18)}; filename*1*=${rfc2231.slice(18).replace('.jpg', '.pdf')}`, ATT.pdf),
          att('image/heic', '|; filename="IMG_0001.HEIC"', ATT.heic),
          att('application/zip', '|; filename="documents.zip"', ATT.zip),
        ]),
    ),
    expect: { subject: '本人確認書類の送付', fromAddress: 'member@example.com', text: [/書類を添付します。/], attachments: ['在留カード.jpg', '住民票の写し.png', '在留カード.pdf', 'IMG_0001.HEIC', 'documents.zip'] },
  });

  entries.push({
    name: 'html only: scripts, styles and remote images dropped',
    raw: latin1(
      `${headers({ from: 'html@example.com', subject: 'HTML mail' })}${CRLF}Content-Type: text/html; charset=UTF-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}` +
        b64(Buffer.from('<html><head><style>p{color:red}</style><script>alert("x")</script></head><body><p>開示を<b>請求</b>します。</p><img src="https://tracker.example/pixel.gif" alt=""><p>よろしくお願いします。</p></body></html>', 'utf8')) +
        CRLF,
    ),
    expect: { subject: 'HTML mail', fromAddress: 'html@example.com', text: [/開示を\s*請求\s*します。/, /よろしくお願いします。/], notText: [/alert/, /color:red/, /tracker\.example/, /</], attachments: [] },
  });

  entries.push({
    name: 'multipart/alternative',
    raw: latin1(
      `${headers({ from: 'alt@example.com', subject: word('代替パート', 'UTF-8') })}${CRLF}` +
        multipart('alternative', 'b-alt', [
          part('text/plain; charset=UTF-8', b64(Buffer.from('プレーンテキスト版です。', 'utf8')), ['Content-Transfer-Encoding: base64']),
          part('text/html; charset=UTF-8', b64(Buffer.from('<p>HTML版です。</p>', 'utf8')), ['Content-Transfer-Encoding: base64']),
        ]),
    ),
    expect: { subject: '代替パート', fromAddress: 'alt@example.com', text: [/プレーンテキスト版です。/], notText: [/HTML版/], attachments: [] },
  });

  const inner = Buffer.concat([latin1(`${headers({ from: 'original@example.com', subject: word('元のメール', 'ISO-2022-JP', encodeJa('元のメール', 'JIS')) })}${CRLF}Content-Type: text/plain; charset=ISO-2022-JP${CRLF}${CRLF}`), encodeJa('元の依頼文です。', 'JIS'), latin1(CRLF)]);
  entries.push({
    name: 'forwarded mail (message/rfc822)',
    raw: Buffer.concat([
      latin1(`${headers({ from: 'forwarder@example.com', subject: 'Fw: ' + word('元のメール', 'UTF-8') })}${CRLF}Content-Type: multipart/mixed; boundary="b-fwd"${CRLF}${CRLF}--b-fwd${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(Buffer.from('転送します。', 'utf8'))}${CRLF}--b-fwd${CRLF}Content-Type: message/rfc822${CRLF}${CRLF}`),
      inner,
      latin1(`--b-fwd--${CRLF}`),
    ]),
    expect: { subject: 'Fw: 元のメール', fromAddress: 'forwarder@example.com', text: [/転送します。/, /Forwarded message/, /original@example\.com/, /元の依頼文です。/], attachments: ['attachment-1.eml'] },
  });

  entries.push({
    name: 'phone mail with emoji',
    raw: latin1(`${headers({ from: `${word('やまだ📱', 'UTF-8')} <yamada.phone@docomo.example>`, subject: word('開示おねがいします🙏', 'UTF-8') })}${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(Buffer.from('スマホからです😊\n本人確認書類は後で送ります👍', 'utf8'))}${CRLF}`),
    expect: { subject: '開示おねがいします🙏', fromAddress: 'yamada.phone@docomo.example', fromName: 'やまだ📱', text: [/スマホからです😊/, /後で送ります👍/], attachments: [] },
  });

  entries.push({
    name: 'From with a display name only',
    raw: latin1(`${headers({ from: word('名無し', 'UTF-8'), subject: 'no address' })}${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}${CRLF}hello${CRLF}`),
    expect: { subject: 'no address', fromAddress: '', fromName: '名無し', text: [/hello/], attachments: [] },
  });
  return entries;
}

/** Mail that cannot be read: kept raw, shown as "could not be read". */
export function malformed(): Array<{ name: string; raw: Buffer }> {
  return [
    { name: 'broken boundary', raw: latin1(`${headers({ from: 'broken@example.com', subject: 'broken' })}${CRLF}Content-Type: multipart/mixed; boundary="never-used"${CRLF}${CRLF}--other-boundary${CRLF}Content-Type: text/plain${CRLF}${CRLF}text${CRLF}`) },
    { name: 'binary garbage', raw: Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919 + 13) % 256)) },
    { name: 'missing headers', raw: latin1(`just some text without any header${CRLF}${CRLF}and more text${CRLF}`) },
  ];
}

export function plainMail(o: HeaderOptions & { body?: string }): Buffer {
  return latin1(`${headers(o)}${CRLF}Content-Type: text/plain; charset=UTF-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(Buffer.from(o.body ?? '本文', 'utf8'))}${CRLF}`);
}

/** A delivery-status notification (RFC 3464) for the desk's message `originalId`. */
export function bounceMail(originalId: string, recipient: string): Buffer {
  return latin1(
    `${headers({ from: 'MAILER-DAEMON@mx.example.net (Mail Delivery System)', subject: 'Undelivered Mail Returned to Sender', extra: ['Auto-Submitted: auto-replied'] })}${CRLF}` +
      multipart('report; report-type=delivery-status', 'b-dsn', [
        part('text/plain; charset=us-ascii', 'This is the mail system at host mx.example.net.\r\nYour message could not be delivered.'),
        part('message/delivery-status', `Reporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; ${recipient}\r\nOriginal-Recipient: rfc822;${recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mail.example.com\r\nDiagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`),
        part('text/rfc822-headers', `From: privacy@juo.example\r\nTo: ${recipient}\r\nSubject: =?UTF-8?B?5Y+X5LuY44Gu44GK55+l44KJ44Gb?=\r\nMessage-ID: ${originalId}\r\n`),
      ]),
  );
}

export function largeMail(bytes: number): Buffer {
  const chunk = Buffer.alloc(bytes, 0x41);
  return latin1(
    `${headers({ from: 'big@example.com', subject: 'big attachment' })}${CRLF}` +
      multipart('mixed', 'b-big', [part('text/plain; charset=UTF-8', '大きな添付ファイルがあります。'.normalize(), ['Content-Transfer-Encoding: 8bit']), part('application/octet-stream', b64(chunk), ['Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="big.bin"'])]).replace('大きな添付ファイルがあります。', Buffer.from('大きな添付ファイルがあります。', 'utf8').toString('latin1')),
  );
}
