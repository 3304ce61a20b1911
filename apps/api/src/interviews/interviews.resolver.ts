import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import {
  CancelInterviewInput,
  FulfilCommitmentInput,
  Interview,
  InterviewConnection,
  InterviewFilter,
  InterviewOrder,
  RecordInterviewHeldInput,
  RescheduleInterviewInput,
  ScheduleInterviewInput,
} from './interview.models';
import { InterviewsService } from './interviews.service';

/** 约谈: list (calendar), record (as of any instant) and every command of the Interview aggregate. */
@Resolver(() => Interview)
export class InterviewsResolver {
  constructor(@Inject(InterviewsService) private readonly service: InterviewsService) {}

  @Query(() => InterviewConnection, { description: '约谈 the caller may see; confidential ones only by the people named in them' })
  interviews(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => InterviewFilter, nullable: true, description: 'Conditions; none lists everything visible' }) filter: InterviewFilter | null,
    @Args('order', { type: () => InterviewOrder, defaultValue: InterviewOrder.SCHEDULED_AT_ASC, description: 'Sort order' }) order: InterviewOrder,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1–100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<Connection<Interview>> {
    return this.service.list(caller, filter ?? {}, order, first, after);
  }

  @Query(() => Interview, { description: '约谈记录, now or as it stood at an instant (time travel)' })
  interview(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Interview id' }) id: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'Reconstruct from the events recorded up to this instant' }) asOf: Date | null,
  ): Promise<Interview> {
    return this.service.get(caller, id, asOf);
  }

  @Mutation(() => Interview, { description: '安排约谈' })
  scheduleInterview(@CurrentCaller() caller: Caller, @Args('input') input: ScheduleInterviewInput): Promise<Interview> {
    return this.service.schedule(caller, input);
  }

  @Mutation(() => Interview, { description: '调整约谈时间或地点' })
  rescheduleInterview(@CurrentCaller() caller: Caller, @Args('input') input: RescheduleInterviewInput): Promise<Interview> {
    return this.service.reschedule(caller, input);
  }

  @Mutation(() => Interview, { description: '记录约谈情况: minutes and the commitments made' })
  recordInterviewHeld(@CurrentCaller() caller: Caller, @Args('input') input: RecordInterviewHeldInput): Promise<Interview> {
    return this.service.recordHeld(caller, input);
  }

  @Mutation(() => Interview, { description: '确认整改承诺已落实' })
  fulfilCommitment(@CurrentCaller() caller: Caller, @Args('input') input: FulfilCommitmentInput): Promise<Interview> {
    return this.service.fulfilCommitment(caller, input);
  }

  @Mutation(() => Interview, { description: '取消约谈' })
  cancelInterview(@CurrentCaller() caller: Caller, @Args('input') input: CancelInterviewInput): Promise<Interview> {
    return this.service.cancel(caller, input);
  }
}
