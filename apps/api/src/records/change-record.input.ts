import { Field, ID, InputType, Int } from '@nestjs/graphql';

/** Fields every change to an existing unit, inspection or finding carries. */
@InputType({ isAbstract: true })
export abstract class ChangeRecordInput {
  @Field(() => ID, { description: 'The record to change' }) id!: string;
  @Field(() => Int, { description: 'The version the client last read; if the record has moved on, the answer is CONFLICT' }) expectedVersion!: number;
  @Field(() => String, { nullable: true, description: 'Retries with the same key return the first answer' }) idempotencyKey?: string | null;
}

/** Fields every creation carries. */
@InputType({ isAbstract: true })
export abstract class NewRecordInput {
  @Field(() => String, { nullable: true, description: 'Retries with the same key return the first answer (and the same record)' }) idempotencyKey?: string | null;
}
