import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@zeren/events';
import type { Sql } from '../database/sql';

/**
 * What the command that appended the events already knows: the state of its stream before each
 * of them, folded by `decider`. A projection holding that decider's state may start from it
 * instead of reading its row back (one round trip less per command); a rebuild passes none.
 */
export interface KnownStreamStates {
  streamId: string;
  decider: object;
  /** statesBefore[i]: the stream's state before the i-th appended event. */
  statesBefore: readonly unknown[];
}

/**
 * A read model kept in the same transaction as the events it is made from, so a client reads its
 * own writes. It must be rebuildable: applying the whole log to empty tables gives the live tables.
 */
export interface InlineProjection {
  readonly name: string;
  /** The tables it owns, emptied before a rebuild. */
  readonly tables: readonly string[];
  readonly handles: readonly string[];
  apply(sql: Sql, event: RecordedEvent, stateBefore?: { decider: object; state: unknown }): Promise<void>;
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

  async apply(sql: Sql, events: readonly RecordedEvent[], known?: KnownStreamStates): Promise<void> {
    for (const [index, event] of events.entries()) {
      const stateBefore = known && event.streamId === known.streamId ? { decider: known.decider, state: known.statesBefore[index] } : undefined;
      for (const projection of this.byType.get(event.type) ?? []) {
        await projection.apply(sql, event, stateBefore);
      }
    }
  }
}
