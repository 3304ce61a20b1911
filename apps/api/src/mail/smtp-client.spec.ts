import { createServer } from 'node:net';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { dotStuff, encodeHeaderText, formatMessage } from './mail-message';
import { SmtpClient, SmtpError } from './smtp-client';

const from = { address: 'zeren@qiantang.gov.cn', name: '责任链' };
const to = { address: 'liaison@baiyang.gov.cn', name: '白杨街道 联络员' };
const client = (url: string, timeoutMs = 5000): SmtpClient => new SmtpClient(url, { clientName: 'zeren.test', timeoutMs });

describe('mail formatting', () => {
  it('encodes non-ASCII header text as RFC 2047 words of whole characters, at most 75 characters each', () => {
    const subject = '整改预警（红色）：白杨街道意识形态阵地管理不到位，请于三月三十一日前完成整改';
    const encoded = encodeHeaderText(subject);
    const words = encoded.split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(word.length).toBeLessThanOrEqual(75);
    }
    const decoded = words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(subject);
    expect(encodeHeaderText('Plain subject')).toBe('Plain subject');
  });

  it('never lets a line break in a subject start a new header', () => {
    const message = formatMessage({ from, to, subject: 'hi\r\nBcc: victim@example.com', text: 'x' }, { eightBit: true });
    expect(message.split('\r\n\r\n')[0]).not.toMatch(/^Bcc:/m);
  });

  it('doubles a leading dot on every line, and only there', () => {
    expect(dotStuff('.\r\n..x\r\na.b\r\n.end')).toBe('..\r\n...x\r\na.b\r\n..end');
  });

  it('falls back to base64 when a line is longer than SMTP allows', () => {
    const long = '很'.repeat(400);
    expect(formatMessage({ from, to, subject: 's', text: long }, { eightBit: true })).toContain('Content-Transfer-Encoding: base64');
    expect(formatMessage({ from, to, subject: 's', text: 'short' }, { eightBit: true })).toContain('Content-Transfer-Encoding: 8bit');
  });
});

describe('the SMTP client against a local SMTP server', () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(() => sink.close());

  it('holds the whole conversation: EHLO, MAIL FROM, RCPT TO, DATA, QUIT', async () => {
    const text = '您有一项新的整改任务。\n.\n.以点开头的一行\n请登录系统查看。';
    const accepted = await client(sink.url).send({ from, to, subject: '新的整改任务：阵地管理不到位', text });
    expect(accepted.code).toBe(250);
    expect(sink.transcript.filter((line) => line.startsWith('C: ')).map((line) => line.split(/[ :]/)[2] ?? line)).toEqual([
      'EHLO',
      'MAIL',
      'RCPT',
      'DATA',
      '<message>',
      'QUIT',
    ]);
    expect(sink.transcript).toContain('C: MAIL FROM:<zeren@qiantang.gov.cn> BODY=8BITMIME');
    expect(sink.transcript).toContain('C: RCPT TO:<liaison@baiyang.gov.cn>');
    const [mail] = sink.messages;
    expect(mail!.to).toEqual(['liaison@baiyang.gov.cn']);
    expect(mail!.subject).toBe('新的整改任务：阵地管理不到位');
    expect(mail!.headers['content-transfer-encoding']).toBe('8bit');
    // The lone "." and the line starting with "." arrived intact: stuffed on the way, unstuffed by the server.
    expect(mail!.text).toBe(text.replace(/\n/g, '\r\n'));
    expect(mail!.headers['to']).toMatch(/^=\?UTF-8\?B\?.+\?= <liaison@baiyang\.gov\.cn>$/);
    expect(mail!.headers['message-id']).toMatch(/^<[0-9a-f-]{36}@qiantang\.gov\.cn>$/);
  });

  it('sends base64 to a server without 8BITMIME', async () => {
    await sink.close();
    sink = await startSmtpSink({ eightBitMime: false });
    await client(sink.url).send({ from, to, subject: '约谈通知', text: '时间：3月10日 10:00\n.' });
    expect(sink.transcript).toContain('C: MAIL FROM:<zeren@qiantang.gov.cn>');
    expect(sink.messages[0]!.headers['content-transfer-encoding']).toBe('base64');
    expect(sink.messages[0]!.text).toBe('时间：3月10日 10:00\r\n.');
  });

  it('reports a 4xx refusal as temporary and a 5xx one as permanent', async () => {
    sink.refuseRecipients('451 4.3.0 mailbox busy', 1);
    await expect(client(sink.url).send({ from, to, subject: 's', text: 't' })).rejects.toMatchObject({ code: 451, permanent: false });
    sink.refuseRecipients('550 5.1.1 no such user', 1);
    await expect(client(sink.url).send({ from, to, subject: 's', text: 't' })).rejects.toMatchObject({ code: 550, permanent: true });
    expect(sink.messages).toHaveLength(0);
  });

  it('fails cleanly when nobody listens or the server stays silent', async () => {
    const address = new URL(sink.url);
    await sink.close();
    await expect(client(`smtp://127.0.0.1:${address.port}`).send({ from, to, subject: 's', text: 't' })).rejects.toBeInstanceOf(SmtpError);
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      await expect(client(`smtp://127.0.0.1:${port}`, 300).send({ from, to, subject: 's', text: 't' })).rejects.toThrow(/in time/);
    } finally {
      silent.close();
    }
    sink = await startSmtpSink();
  });
});
