import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';
import { JSONScalar } from './json.scalar';

@ObjectType({ description: '审计事件 — one immutable event of a district’s hash chain, as stored' })
export class AuditEvent {
  @Field({ description: 'Global position in the log (a 64-bit integer, as text)' }) position!: string;
  @Field({ description: 'Position in the district’s chain (as text)' }) tenantPosition!: string;
  @Field(() => ID, { description: 'District (tenant) whose chain holds it' }) tenantId!: string;
  @Field({ description: 'Kind of record: Finding, Interview, Unit, Person…' }) streamType!: string;
  @Field(() => ID, { description: 'The record (stream) the event belongs to' }) streamId!: string;
  @Field(() => Int, { description: 'Version of the record after this event' }) version!: number;
  @Field({ description: 'Event type, e.g. ProgressCheckedIn' }) type!: string;
  @Field(() => Int, { description: 'Schema version of the payload as stored' }) schemaVersion!: number;
  @Field(() => ID, { description: 'Who did it: person id, or API token id for an integration' }) actorId!: string;
  @Field({ description: 'The actor’s role when acting' }) actorRole!: string;
  @Field({ description: '记录时间: when the system recorded it' }) recordedAt!: Date;
  @Field(() => Date, { nullable: true, description: '生效时间: when the user says it happened, if earlier (a late check-in)' }) effectiveAt!: Date | null;
  @Field(() => JSONScalar, { nullable: true, description: 'Payload as stored; null when redacted' }) data!: unknown;
  @Field({ description: 'The payload is withheld: it belongs to a confidential interview the caller is not named in' }) redacted!: boolean;
  @Field(() => JSONScalar, { description: 'Request metadata covered by the hash: actor, role, acting-for district, request and correlation ids, idempotency key' }) metadata!: unknown;
  @Field({ description: 'sha256 of the previous event of the chain (hex)' }) prevHash!: string;
  @Field({ description: 'sha256(prevHash ‖ canonical event) (hex)' }) hash!: string;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent', '审计事件 list');

export enum AuditEventOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}
registerEnumType(AuditEventOrder, {
  name: 'AuditEventOrder',
  description: 'Order of an audit event list (by position in the log)',
  valuesMap: {
    NEWEST_FIRST: { description: 'Latest appended first' },
    OLDEST_FIRST: { description: 'In the order appended' },
  },
});

@InputType({ description: 'Which audit events to list; every condition given must hold' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'One district of the caller’s scope' }) tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Events by this actor' }) actorId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Any of these event types' }) types?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Events of this record (stream)' }) streamId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Recorded at or after this instant' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Recorded before this instant' }) to?: Date | null;
}

@ObjectType({ description: 'The first fault a verification found' })
export class ChainFault {
  @Field({ description: 'First position that is not what was appended (as text)' }) tenantPosition!: string;
  @Field({ description: 'CHANGED_EVENT, MISSING_EVENT, INSERTED_EVENT, REORDERED, BROKEN_LINK, POSITION_GAP, TRUNCATED_TAIL, RECOMPUTED_TAIL, BAD_SIGNATURE, EVIDENCE_CHANGED or EVIDENCE_MISSING' }) fault!: string;
  @Field({ description: 'What is wrong there, in words' }) detail!: string;
  @Field(() => String, { nullable: true, description: 'Rewritten tail: the last position a checkpoint still confirms' }) confirmedThrough!: string | null;
  @Field(() => String, { nullable: true, description: 'Evidence faults: the sha256 of the file' }) evidenceHash!: string | null;
}

@ObjectType({ description: '链校验结果 — the latest verification of a district’s hash chain, checkpoints and evidence' })
export class ChainStatus {
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field({ description: 'Every event, checkpoint and evidence file checked out' }) ok!: boolean;
  @Field({ description: 'When this verification ran' }) verifiedAt!: Date;
  @Field(() => Int, { description: 'Events whose hashes and links check out, before any fault' }) verifiedEvents!: number;
  @Field({ description: 'Last event that checks out (chain position, as text)' }) headPosition!: string;
  @Field({ description: 'Its hash (hex)' }) headHash!: string;
  @Field(() => ChainFault, { nullable: true, description: 'The first fault; null when ok' }) failure!: ChainFault | null;
  @Field(() => Int, { description: 'Signed checkpoints the chain passes through' }) checkpointsConfirmed!: number;
  @Field(() => String, { nullable: true, description: 'Up to here nothing can have been changed unseen; a later tail is not yet vouched for' }) lastConfirmedPosition!: string | null;
  @Field({ description: 'Checkpoints were checked against the server’s own signing key (not merely their own)' }) keysPinned!: boolean;
  @Field(() => Int, { description: 'Evidence files the events refer to' }) evidenceReferenced!: number;
  @Field(() => Int, { description: 'Of them, present with the recorded sha256' }) evidenceIntact!: number;
}
