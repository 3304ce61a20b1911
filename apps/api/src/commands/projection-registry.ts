import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@zeren/events';
import type { Sql } from '../database/sql';

/**
 * A read model kept in the same transaction as the events it is made from, so a client reads its
 * own writes. It must be rebuildable: applying the whole log to empty tables gives the live tables.
 */
export interface InlineProjection {
  readonly name: string;
  /** The tables it owns, emptied before a rebuild. */
  readonly tables: readonly string[];
  readonly handles: readonly string[];
  apply(sql: Sql, event: RecordedEvent): Promise<void>;
}

/** Every inline projection, by the event types it handles; areas register theirs at start-up. */
@Injectable()
export class ProjectionRegistry {
  private readonly projections: InlineProjection[] = [];
  private readonly byType = new Map<string, InlineProjection[]>();

  register(projection: InlineProjection): void {
    if (this.projections.some((existing) => existing.name === projection.name)) return;
    this.projections.push(projection);
    for (const type of projection.handles) {
      this.byType.set(type, [...(this.byType.get(type) ?? []), projection]);
    }
  }

  all(): readonly InlineProjection[] {
    return this.projections;
  }

  async apply(sql: Sql, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      for (const projection of this.byType.get(event.type) ?? []) {
        await projection.apply(sql, event);
      }
    }
  }
}
