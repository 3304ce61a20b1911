import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec_test-secret';
const body = '{"id":"d0000000-0000-4000-8000-000000000001:7","type":"FindingRecorded"}';

describe('webhook signatures', () => {
  it('are t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> with the endpoint secret', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, body, 1767225600)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('verify for the right secret and body within the tolerance', () => {
    const header = signWebhook(secret, body, 1_000_000);
    expect(verifyWebhookSignature(header, body, secret, 1_000_100)).toEqual({ valid: true, timestamp: 1_000_000 });
  });

  it('refuse another secret, a changed body, a changed timestamp, an old request and garbage', () => {
    const header = signWebhook(secret, body, 1_000_000);
    expect(verifyWebhookSignature(header, body, 'whsec_other', 1_000_000)).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifyWebhookSignature(header, `${body} `, secret, 1_000_000)).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifyWebhookSignature(header.replace('t=1000000', 't=1000001'), body, secret, 1_000_000)).toEqual({ valid: false, reason: 'MISMATCH' });
    expect(verifyWebhookSignature(header, body, secret, 1_000_301)).toEqual({ valid: false, reason: 'TOO_OLD' });
    expect(verifyWebhookSignature('v1=abc', body, secret)).toEqual({ valid: false, reason: 'MALFORMED' });
    expect(verifyWebhookSignature(undefined, body, secret)).toEqual({ valid: false, reason: 'MALFORMED' });
  });

  it('makes secrets of 256 random bits, never the same twice', () => {
    const first = newWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(first);
  });
});
