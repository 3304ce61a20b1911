import {
  keyProjectPlanDecider,
  monthlyReportDecider,
  responsibilityListDecider,
  targetLetterDecider,
  type Decider,
  type NotCreated,
} from '@zeren/domain';
import { responsibilityEvents, type RecordedEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';
import type { ResponsibilityRecordType, ResponsibilityState } from './responsibility.repository';

type AnyDecider = Pick<Decider<ResponsibilityState | NotCreated, unknown, { type: string; data: unknown }>, 'initialState' | 'evolve'>;

/**
 * Each stream type's decider: the row is whatever its evolve makes of the events. Widened to one
 * signature because the four share one table and the stream type, not the compiler, picks the decider.
 */
export const RESPONSIBILITY_DECIDERS: Record<ResponsibilityRecordType, AnyDecider> = {
  ResponsibilityList: responsibilityListDecider as AnyDecider,
  TargetLetter: targetLetterDecider as AnyDecider,
  KeyProjectPlan: keyProjectPlanDecider as AnyDecider,
  MonthlyReport: monthlyReportDecider as AnyDecider,
};

/** The unit and year a record is filed under: a district's own records have no unit; a monthly report's year is its month's. */
function filing(type: ResponsibilityRecordType, state: ResponsibilityState): { unitId: string | null; year: number } {
  switch (type) {
    case 'ResponsibilityList':
    case 'TargetLetter': {
      const { unitId, year } = state as { unitId: string | null; year: number };
      return { unitId, year };
    }
    case 'KeyProjectPlan': {
      const { ownerUnitId, year } = state as { ownerUnitId: string | null; year: number };
      return { unitId: ownerUnitId, year };
    }
    case 'MonthlyReport':
      return { unitId: null, year: Number((state as { month: string }).month.slice(0, 4)) };
  }
}

/** responsibility_records, from the ResponsibilityList, TargetLetter, KeyProjectPlan and MonthlyReport streams. */
export const responsibilityProjection: InlineProjection = {
  name: 'responsibility_records',
  tables: ['responsibility_records'],
  handles: responsibilityEvents.map((definition) => definition.type),

  async apply(sql: Sql, event: RecordedEvent): Promise<void> {
    const type = event.streamType as ResponsibilityRecordType;
    const decider = RESPONSIBILITY_DECIDERS[type];
    const [row] = await sql.query<{ state: ResponsibilityState }>(
      `SELECT state FROM responsibility_records WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [event.tenantId, event.streamId],
    );
    const after = decider.evolve(row?.state ?? decider.initialState(), { type: event.type, data: event.data });
    if (after.status === 'NONE') return;
    const state = after as ResponsibilityState;
    const { unitId, year } = filing(type, state);
    await sql.query(
      `INSERT INTO responsibility_records (tenant_id, id, record_type, unit_id, year, status, state, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET status = excluded.status, state = excluded.state, version = excluded.version, updated_at = excluded.updated_at`,
      [event.tenantId, event.streamId, type, unitId, year, state.status, JSON.stringify(state), event.version, event.recordedAt],
    );
  },
};
