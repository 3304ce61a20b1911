import type { EventDefinition, Upcaster } from './event-definition';

export class UnknownEventTypeError extends Error {
  constructor(type: string, version: number) {
    super(`Unknown event type ${type} v${version}`);
    this.name = 'UnknownEventTypeError';
  }
}

export class InvalidEventPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  ) {
    super(`Invalid ${eventType} payload: ${issues.map((i) => `${i.path.join('.') || '$'} ${i.message}`).join('; ')}`);
    this.name = 'InvalidEventPayloadError';
  }
}

/**
 * Every event type the system has ever published, by version. Validates payloads on the way in,
 * and upcasts stored payloads of old versions to the current one on the way out.
 */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();
  private readonly current = new Map<string, EventDefinition>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(definitions: readonly EventDefinition[], upcasters: readonly Upcaster[] = []) {
    for (const definition of definitions) {
      const key = `${definition.type}@${definition.version}`;
      if (this.definitions.has(key)) throw new Error(`Event ${key} is defined twice`);
      this.definitions.set(key, definition);
      const latest = this.current.get(definition.type);
      if (!latest || latest.version < definition.version) this.current.set(definition.type, definition);
    }
    for (const upcaster of upcasters) {
      this.upcasters.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
    }
    for (const [type, latest] of this.current) {
      for (let version = 1; version < latest.version; version++) {
        if (this.definitions.has(`${type}@${version}`) && !this.upcasters.has(`${type}@${version}`)) {
          throw new Error(`Event ${type} v${version} has no upcaster to v${version + 1}`);
        }
      }
    }
  }

  currentDefinition(type: string): EventDefinition {
    const definition = this.current.get(type);
    if (!definition) throw new UnknownEventTypeError(type, 0);
    return definition;
  }

  has(type: string): boolean {
    return this.current.has(type);
  }

  types(): string[] {
    return [...this.current.keys()].sort();
  }

  /** Validates a new payload against the current version; returns the parsed payload. */
  validate(type: string, data: unknown): { schemaVersion: number; data: unknown; streamType: string } {
    const definition = this.currentDefinition(type);
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) {
      throw new InvalidEventPayloadError(
        type,
        parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
      );
    }
    return { schemaVersion: definition.version, data: parsed.data, streamType: definition.streamType };
  }

  /** Brings a stored payload of any published version up to the current version. */
  upcast(type: string, schemaVersion: number, data: unknown): unknown {
    const latest = this.currentDefinition(type);
    if (!this.definitions.has(`${type}@${schemaVersion}`)) throw new UnknownEventTypeError(type, schemaVersion);
    let payload = data;
    for (let version = schemaVersion; version < latest.version; version++) {
      payload = this.upcasters.get(`${type}@${version}`)!.up(payload);
    }
    return payload;
  }
}
