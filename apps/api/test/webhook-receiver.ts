import { createServer, type IncomingMessage, type Server } from 'node:http';
import { verifyWebhookSignature, type SignatureCheck } from '../src/integrations/webhook-signature';

export interface ReceivedDelivery {
  eventId: string;
  deliveryId: string;
  eventType: string;
  signature: SignatureCheck;
  body: { id: string; type: string; streamId: string; version: number; data: Record<string, unknown> };
  /** The status this receiver answered with. */
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order, including the ones answered with an error. */
  requests: ReceivedDelivery[];
  /** Requests answered 2xx. */
  delivered(): ReceivedDelivery[];
  /** Decides the status of each request (200 unless set). */
  answer: (delivery: Omit<ReceivedDelivery, 'answered'>) => number;
  /** The endpoint secret signatures are checked against. */
  secret: string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A real HTTP server on 127.0.0.1 that receives webhook deliveries the way an integrator would. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    delivered: () => receiver.requests.filter((request) => request.answered >= 200 && request.answered < 300),
    answer: () => 200,
    secret: '',
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const header = (name: string): string => String(request.headers[name.toLowerCase()] ?? '');
      const delivery = {
        eventId: header('X-Zeren-Event-Id'),
        deliveryId: header('X-Zeren-Delivery-Id'),
        eventType: header('X-Zeren-Event-Type'),
        signature: verifyWebhookSignature(header('X-Zeren-Signature'), raw, receiver.secret),
        body: JSON.parse(raw) as ReceivedDelivery['body'],
      };
      // A receiver refuses what it cannot authenticate.
      const answered = delivery.signature.valid ? receiver.answer(delivery) : 401;
      receiver.requests.push({ ...delivery, answered });
      response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'not now');
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  return receiver;
}
