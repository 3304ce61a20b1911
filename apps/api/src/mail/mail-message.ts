import { randomUUID } from 'node:crypto';

export interface MailAddress {
  address: string;
  name?: string | null;
}

export interface MailMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  /** Plain text; any line ending is sent as CRLF. */
  text: string;
}

/** SMTP's line limit (RFC 5321 §4.5.3.1.6) without the CRLF. */
const MAX_LINE_OCTETS = 998;
/** An encoded-word is at most 75 characters; "=?UTF-8?B?" and "?=" leave 63 for base64, i.e. 45 bytes. */
const ENCODED_WORD_BYTES = 45;
const PLAIN_HEADER_TEXT = /^[\x20-\x7e]*$/;

/**
 * RFC 2047 "B" encoding of header text that is not plain printable ASCII (Chinese subjects and
 * names), split into encoded-words that each hold whole UTF-8 characters and folded onto
 * continuation lines. A CR or LF can therefore never start a new header (header injection).
 */
export function encodeHeaderText(text: string): string {
  if (PLAIN_HEADER_TEXT.test(text) && !/=\?/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function formatAddress({ address, name }: MailAddress): string {
  if (/[\r\n<>]/.test(address)) throw new Error('a mail address cannot contain line breaks or angle brackets');
  if (!name) return `<${address}>`;
  const display = PLAIN_HEADER_TEXT.test(name) && !/=\?/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${display} <${address}>`;
}

/** RFC 5322 date with a numeric zone. */
function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * Lines starting with "." get one more, so none of them reads as the end of DATA (RFC 5321
 * §4.5.2); the receiver removes it again.
 */
export function dotStuff(data: string): string {
  return data.replace(/^\./gm, '..');
}

function wrapBase64(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/**
 * The message as sent after DATA (before dot-stuffing), with CRLF line ends. The body goes as
 * 8bit UTF-8 when the server accepts 8BITMIME and every line fits SMTP's limit, otherwise base64.
 */
export function formatMessage(message: MailMessage, options: { eightBit: boolean; date?: Date; messageId?: string }): string {
  const text = message.text.replace(/\r\n|\r|\n/g, '\r\n');
  const eightBit = options.eightBit && text.split('\r\n').every((line) => Buffer.byteLength(line) <= MAX_LINE_OCTETS);
  const domain = message.from.address.split('@')[1] ?? 'localhost';
  const headers = [
    `From: ${formatAddress(message.from)}`,
    `To: ${formatAddress(message.to)}`,
    `Subject: ${encodeHeaderText(message.subject)}`,
    `Date: ${formatDate(options.date ?? new Date())}`,
    `Message-ID: <${options.messageId ?? randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    `Content-Transfer-Encoding: ${eightBit ? '8bit' : 'base64'}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${eightBit ? text : wrapBase64(text)}`;
}
