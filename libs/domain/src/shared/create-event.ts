import type { z } from 'zod';
import type { EventDefinition } from '@zeren/events';
import { validationFailed } from './domain-error';

/**
 * Builds an event and validates it against its published schema, so a decider can never emit a
 * payload the event store would refuse; schema issues become field-level VALIDATION_FAILED.
 * Command fields are named like event fields, so the paths mean something to the caller.
 */
export function createEvent<Type extends string, Schema extends z.ZodType>(
  definition: EventDefinition<Type, Schema>,
  data: z.input<Schema>,
): { type: Type; data: z.output<Schema> } {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || '$';
      fields[field] ??= issue.message;
    }
    throw validationFailed(fields);
  }
  return { type: definition.type, data: parsed.data };
}

/** Optional free text from a form: blank means not given, so payloads never hold '' for "none". */
export function optionalText(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}
