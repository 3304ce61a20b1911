import { createServer, type Server, type Socket } from 'node:net';

/** A message as the sink received it: envelope, raw DATA (dot-stuffing removed), and decoded parts. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Every line, prefixed "C: " (client) or "S: " (sink). */
  transcript: string[];
  /** The next `times` RCPT TO commands are answered with this reply, e.g. '451 4.3.0 try again later'. */
  refuseRecipients(reply: string, times: number): void;
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Undoes RFC 2047 encoded-words (B and Q) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function parseMail(from: string, to: string[], raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const text = headers['content-transfer-encoding']?.toLowerCase() === 'base64' ? Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') : body;
  return { from, to, raw, headers, subject: decodeHeader(headers['subject'] ?? ''), text };
}

/**
 * A real SMTP server on 127.0.0.1 that accepts everything (unless told to refuse) and records the
 * conversation: what a relay would see, without delivering anywhere.
 */
export async function startSmtpSink(options: { eightBitMime?: boolean } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const transcript: string[] = [];
  const sockets = new Set<Socket>();
  const refusals: { reply: string; times: number } = { reply: '', times: 0 };
  const waiters: Array<() => void> = [];

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let dataLines: string[] = [];
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    const say = (line: string): void => {
      transcript.push(`S: ${line}`);
      socket.write(`${line}\r\n`);
    };
    const handle = (line: string): void => {
      if (inData) {
        if (line === '.') {
          inData = false;
          messages.push(parseMail(envelope.from, envelope.to, dataLines.map((data) => (data.startsWith('.') ? data.slice(1) : data)).join('\r\n')));
          transcript.push('C: <message>');
          say('250 2.0.0 queued');
          for (const wake of waiters.splice(0)) wake();
        } else {
          dataLines.push(line);
        }
        return;
      }
      transcript.push(`C: ${line}`);
      const verb = line.split(/[ :]/)[0]!.toUpperCase();
      if (verb === 'EHLO') {
        say('250-sink.test greets you');
        if (options.eightBitMime !== false) say('250-8BITMIME');
        say('250 SMTPUTF8');
      } else if (verb === 'HELO') say('250 sink.test');
      else if (verb === 'MAIL') {
        envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
        say('250 2.1.0 ok');
      } else if (verb === 'RCPT') {
        if (refusals.times > 0) {
          refusals.times--;
          say(refusals.reply);
        } else {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          say('250 2.1.5 ok');
        }
      } else if (verb === 'DATA') {
        inData = true;
        dataLines = [];
        say('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        say('221 2.0.0 bye');
        socket.end();
      } else if (verb === 'RSET' || verb === 'NOOP') say('250 ok');
      else say('502 5.5.1 not implemented');
    };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        handle(line);
      }
    });
    say('220 sink.test ESMTP');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    transcript,
    refuseRecipients(reply, times) {
      refusals.reply = reply;
      refusals.times = times;
    },
    async waitForMessages(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, the sink has ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return messages;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
