import { connect, type Socket } from 'node:net';
import { dotStuff, formatMessage, type MailMessage } from './mail-message';

/** A refused or failed exchange; `permanent` (a 5xx reply) means trying again will not help. */
export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

interface Reply {
  code: number;
  lines: string[];
}

/** Reads SMTP replies off a socket: multi-line ones ("250-…" until "250 …") arrive as one. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private readonly replies: Reply[] = [];
  private waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.take(chunk));
    socket.on('error', (error) => this.fail(new SmtpError(`connection failed: ${error.message}`, null, false)));
    socket.on('close', () => this.fail(new SmtpError('the server closed the connection', null, false)));
    socket.on('timeout', () => {
      this.fail(new SmtpError('the server did not answer in time', null, false));
      socket.destroy();
    });
  }

  next(): Promise<Reply> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (!match) return this.fail(new SmtpError(`not an SMTP reply: ${line.slice(0, 100)}`, null, false));
      this.lines.push(match[3]!);
      if (match[2] !== '-') {
        this.deliver({ code: Number(match[1]), lines: this.lines });
        this.lines = [];
      }
    }
  }

  private deliver(reply: Reply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting.resolve(reply);
    else this.replies.push(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}

export interface SmtpClientOptions {
  /** The name this client gives in EHLO. */
  clientName: string;
  /** For connecting and for each reply. */
  timeoutMs: number;
}

/**
 * A minimal SMTP client (RFC 5321) for a relay that accepts mail from this server: EHLO, MAIL
 * FROM, RCPT TO, DATA, QUIT; one connection per message. No STARTTLS or AUTH: run a local relay
 * (a mail transfer agent or the provider's sidecar) that owns TLS and credentials.
 */
export class SmtpClient {
  private readonly host: string;
  private readonly port: number;

  constructor(
    url: string,
    private readonly options: SmtpClientOptions,
  ) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'smtp:') throw new Error(`not an smtp:// URL: ${url}`);
    this.host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    this.port = parsed.port ? Number(parsed.port) : 25;
  }

  /** Sends one message; resolves with the server's acceptance, rejects with an SmtpError. */
  async send(message: MailMessage): Promise<{ code: number; response: string }> {
    const socket = connect({ host: this.host, port: this.port });
    socket.setTimeout(this.options.timeoutMs);
    const replies = new ReplyReader(socket);
    // `label` names the step in errors; by default the command's verb.
    const exchange = async (line: string | null, expected: number[], label = line?.split(/[ :]/)[0] ?? 'greeting'): Promise<Reply> => {
      if (line !== null) socket.write(`${line}\r\n`);
      const reply = await replies.next();
      if (!expected.includes(reply.code)) {
        throw new SmtpError(`${label} refused: ${reply.code} ${reply.lines.join(' ')}`, reply.code, reply.code >= 500);
      }
      return reply;
    };
    try {
      await exchange(null, [220]);
      const extensions = await this.greet(exchange);
      const eightBit = extensions.has('8BITMIME');
      await exchange(`MAIL FROM:<${message.from.address}>${eightBit ? ' BODY=8BITMIME' : ''}`, [250]);
      await exchange(`RCPT TO:<${message.to.address}>`, [250, 251]);
      await exchange('DATA', [354]);
      const accepted = await exchange(`${dotStuff(formatMessage(message, { eightBit }))}\r\n.`, [250], 'message');
      await exchange('QUIT', [221]).catch(() => undefined);
      return { code: accepted.code, response: accepted.lines.join(' ') };
    } finally {
      socket.end();
      socket.destroy();
    }
  }

  /** EHLO, or HELO from a server that does not speak ESMTP; returns the extensions it announced. */
  private async greet(exchange: (line: string, expected: number[]) => Promise<Reply>): Promise<Set<string>> {
    try {
      const reply = await exchange(`EHLO ${this.options.clientName}`, [250]);
      return new Set(reply.lines.slice(1).map((line) => line.split(' ')[0]!.toUpperCase()));
    } catch (error) {
      if (!(error instanceof SmtpError) || error.code === null || error.code < 500) throw error;
      await exchange(`HELO ${this.options.clientName}`, [250]);
      return new Set();
    }
  }
}
