import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from './json.scalar';

/**
 * 操作记录 — one event in the history of one record (a unit, inspection or finding): who did
 * what, when it was recorded and when the user says it took effect. Shared by every record's
 * `history` field and by the tenant-wide audit trail.
 */
@ObjectType({ description: '操作记录 — one event of a record’s history, as stored in the hash chain' })
export class RecordEvent {
  @Field({ description: 'Global position in the event log (a 64-bit integer, as text)' }) position!: string;
  @Field(() => ID, { description: 'The record (stream) the event belongs to' }) streamId!: string;
  @Field({ description: 'Kind of record: Unit, Inspection, Finding…' }) streamType!: string;
  @Field(() => Int, { description: 'Version of the record after this event' }) version!: number;
  @Field({ description: 'Event type, e.g. ProgressCheckedIn' }) type!: string;
  @Field(() => Int, { description: 'Schema version of the payload' }) schemaVersion!: number;
  @Field(() => ID, { description: 'Who did it: a person id, an API token id, or the system' }) actorId!: string;
  @Field({ description: 'The actor’s role when acting (角色)' }) actorRole!: string;
  @Field({ description: '记录时间: when the system recorded it' }) recordedAt!: Date;
  @Field(() => Date, { nullable: true, description: '生效时间: when the user says it took effect, if stated (a late check-in)' }) effectiveAt!: Date | null;
  @Field(() => JSONScalar, { description: 'The fields the event set (its payload, exactly as hashed)' }) data!: unknown;
  @Field({ description: 'sha256 of the event in the district’s chain (hex)' }) hash!: string;
}
