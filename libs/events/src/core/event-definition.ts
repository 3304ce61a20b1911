import type { z } from 'zod';

/**
 * A published event type at one schema version. Once released, a definition is never edited:
 * a change is a new version plus an upcaster from the old one (see event-registry.ts).
 */
export interface EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly type: Type;
  readonly version: number;
  readonly streamType: string;
  readonly schema: Schema;
}

export function defineEvent<Type extends string, Schema extends z.ZodType>(
  definition: EventDefinition<Type, Schema>,
): EventDefinition<Type, Schema> {
  return Object.freeze(definition);
}

/** The event as deciders produce it and evolve consumes it: type plus validated payload. */
export type EventOf<Definition> =
  Definition extends EventDefinition<infer Type, infer Schema> ? { type: Type; data: z.infer<Schema> } : never;

export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  /** Turns a payload of fromVersion into one of fromVersion + 1. */
  up(data: unknown): unknown;
}
