import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Zeren-Signature';
export const EVENT_ID_HEADER = 'X-Zeren-Event-Id';
export const DELIVERY_ID_HEADER = 'X-Zeren-Delivery-Id';
export const EVENT_TYPE_HEADER = 'X-Zeren-Event-Type';

/** How old a signature a receiver should still accept; older ones may be replays of a captured request. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** A new endpoint secret: 256 random bits, prefixed so it is recognisable when it leaks into a log or a repository. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body,
 * so a receiver that rejects old timestamps cannot be fed an old request again.
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type SignatureCheck = { valid: true; timestamp: number } | { valid: false; reason: 'MALFORMED' | 'MISMATCH' | 'TOO_OLD' };

/** What a receiver does with the header (written here once, for the tests and for integrators to copy). */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  const parts = new Map((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string | undefined]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || !signature || !/^[0-9a-f]{64}$/.test(signature)) return { valid: false, reason: 'MALFORMED' };
  if (!timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(hmac(secret, timestamp, body), 'hex'))) return { valid: false, reason: 'MISMATCH' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { valid: false, reason: 'TOO_OLD' };
  return { valid: true, timestamp };
}
