import type { RecordedEvent } from '@zeren/events';
import { LiveEvents, type LiveEvent } from './live-events';

let position = 0n;
function live(type: string, recordedAt = new Date()): LiveEvent {
  position += 1n;
  return { event: { type, position, recordedAt } as RecordedEvent, unitId: null };
}

describe('LiveEvents', () => {
  it('gives each subscriber the events it selects, in order, from the moment it subscribed', async () => {
    const events = new LiveEvents();
    const checkIns = events.subscribe(({ event }) => (event.type === 'ProgressCheckedIn' ? event.position : undefined));
    events.publish([live('ProgressCheckedIn', new Date(Date.now() - 60_000)), live('ProgressCheckedIn'), live('FindingVerified'), live('ProgressCheckedIn')]);
    const first = await checkIns.next();
    const second = await checkIns.next();
    expect([first.value, second.value]).toEqual([position - 2n, position]);
  });

  it('hands an event to a subscriber already waiting for one', async () => {
    const events = new LiveEvents();
    const all = events.subscribe(({ event }) => event.type);
    const waiting = all.next();
    events.publish([live('FindingRecorded')]);
    expect(await waiting).toEqual({ value: 'FindingRecorded', done: false });
  });

  it('forgets a subscriber that returns, and ends a waiting one', async () => {
    const events = new LiveEvents();
    const subscription = events.subscribe(({ event }) => event.type);
    expect(events.subscriberCount).toBe(1);
    const waiting = subscription.next();
    await subscription.return!();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(events.subscriberCount).toBe(0);
  });

  it('ends a subscriber that falls a thousand events behind instead of holding them all', async () => {
    const events = new LiveEvents();
    const slow = events.subscribe(({ event }) => event.type);
    events.publish(Array.from({ length: 1_001 }, () => live('ProgressCheckedIn')));
    expect(events.subscriberCount).toBe(0);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });
});
