import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@zeren/events';

/** A committed event as published to subscribers, with what authorising it needs beyond the event. */
export interface LiveEvent {
  event: RecordedEvent;
  /** Finding events: the unit the finding is assigned to once the event is applied; null otherwise. */
  unitId: string | null;
}

/** Events a subscriber has not taken yet; beyond this it is too slow to follow and is ended. */
const MAX_PENDING = 1_000;

class Subscriber<T> implements AsyncIterableIterator<T> {
  private readonly pending: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private done = false;

  /** Events recorded before the subscription are history, for queries; the tail may still be publishing some. */
  private readonly since = Date.now();

  constructor(
    private readonly select: (event: LiveEvent) => T | undefined,
    private readonly unsubscribe: (subscriber: Subscriber<T>) => void,
  ) {}

  offer(event: LiveEvent): void {
    if (this.done || event.event.recordedAt.getTime() < this.since) return;
    const value = this.select(event);
    if (value === undefined) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
    } else if (this.pending.length >= MAX_PENDING) {
      void this.return();
    } else {
      this.pending.push(value);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.pending.length > 0) return Promise.resolve({ value: this.pending.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.done = true;
    this.pending.length = 0;
    this.unsubscribe(this);
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * The in-process publish/subscribe between the live feed (committed events) and GraphQL
 * subscriptions. A subscription receives what is recorded from the moment it subscribes on, each
 * event selected and authorised as it is offered; nothing is buffered for events it would drop.
 */
@Injectable()
export class LiveEvents {
  private readonly subscribers = new Set<Subscriber<unknown>>();

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  publish(events: readonly LiveEvent[]): void {
    for (const event of events) {
      for (const subscriber of this.subscribers) subscriber.offer(event);
    }
  }

  /** `select` turns an event into what the subscriber receives, or undefined to skip it. */
  subscribe<T>(select: (event: LiveEvent) => T | undefined): AsyncIterableIterator<T> {
    const subscriber = new Subscriber<T>(select, (ended) => this.subscribers.delete(ended as Subscriber<unknown>));
    this.subscribers.add(subscriber as Subscriber<unknown>);
    return subscriber;
  }

  /** Ends every subscription (shutdown). */
  endAll(): void {
    for (const subscriber of [...this.subscribers]) void subscriber.return();
  }
}
