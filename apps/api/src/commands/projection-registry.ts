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
 * A rebuild's fast path for one projection: the events are folded in memory, so no row is read
 * back, and where the projection has a bulk path each table's rows are written many to a
 * statement instead of a few statements for every event.
 */
export interface ProjectionRebuild {
  /** Takes the next event; a tenant's events come in chain order. */
  fold(event: RecordedEvent): void;
  /** Rows folded and not yet written, so the caller can bound the memory they take. */
  readonly pendingRows: number;
  /** Writes every row that changed since the last write; they are then exactly the rows applying each event would have left. */
  write(sql: Sql): Promise<void>;
}

/**
 * A read model kept in the same transaction as the events it is made from, so a client reads its
 * own writes. It must be rebuildable: applying the whole log to empty tables gives the live tables.
 */
export interface InlineProjection {
  readonly name: string;
  /** The tables it owns, emptied before a rebuild. None: a side effect (a queue), which a rebuild does not run. */
  readonly tables: readonly string[];
  readonly handles: readonly string[];
  apply(sql: Sql, event: RecordedEvent, stateBefore?: { decider: object; state: unknown }): Promise<void>;
  /** A fresh fold for a rebuild, where the projection has one; a rebuild applies each event otherwise. */
  rebuild?(): ProjectionRebuild;
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
