import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { CheckInProgressHandler } from './check-in-progress/check-in-progress.handler';
import { CheckInProgressInput } from './check-in-progress/check-in-progress.input';
import { FindingCommands } from './finding-commands';
import { FindingCommentInput, FindingReasonInput, RequestExtensionInput, SubmitForSignOffInput, SubmitRectificationPlanInput } from './finding.inputs';
import { toFinding } from './finding.mapper';
import { Finding } from './finding.models';
import type { FindingRecord } from './findings.repository';
import { ReassignFindingHandler } from './reassign-finding/reassign-finding.handler';
import { ReassignFindingInput } from './reassign-finding/reassign-finding.input';
import { RecordFindingHandler } from './record-finding/record-finding.handler';
import { RecordFindingInput } from './record-finding/record-finding.input';
import { ReopenFindingHandler } from './reopen-finding/reopen-finding.handler';
import { ReopenFindingInput } from './reopen-finding/reopen-finding.input';

const answer = async (written: Promise<FindingRecord>): Promise<Finding> => toFinding(await written, new Date());

/**
 * The rectification lifecycle (整改): each mutation authorises on the finding instance and
 * dispatches one command; commands that need outside facts have their own handler.
 * Every answer is the finding as just written.
 */
@Resolver(() => Finding)
export class FindingCommandsResolver {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(RecordFindingHandler) private readonly recordFindingHandler: RecordFindingHandler,
    @Inject(CheckInProgressHandler) private readonly checkInHandler: CheckInProgressHandler,
    @Inject(ReassignFindingHandler) private readonly reassignHandler: ReassignFindingHandler,
    @Inject(ReopenFindingHandler) private readonly reopenHandler: ReopenFindingHandler,
  ) {}

  @Mutation(() => Finding, { description: '登记问题 (by the office running the inspection)' })
  recordFinding(@CurrentCaller() caller: Caller, @Args('input') input: RecordFindingInput): Promise<Finding> {
    return answer(this.recordFindingHandler.execute(caller, input));
  }

  @Mutation(() => Finding, { description: '提交整改方案' })
  submitRectificationPlan(@CurrentCaller() caller: Caller, @Args('input') input: SubmitRectificationPlanInput): Promise<Finding> {
    const { measures, plannedCompletionDate } = input;
    const responsiblePerson = { personId: input.responsiblePerson.personId ?? null, name: input.responsiblePerson.name };
    return answer(this.commands.change(caller, input, 'submitPlan', { type: 'SubmitRectificationPlan', measures, responsiblePerson, plannedCompletionDate }));
  }

  @Mutation(() => Finding, { description: '提交整改进展 (with evidence hashes; effectiveAt for a 补报)' })
  checkInProgress(@CurrentCaller() caller: Caller, @Args('input') input: CheckInProgressInput): Promise<Finding> {
    return answer(this.checkInHandler.execute(caller, input));
  }

  @Mutation(() => Finding, { description: '申请销号' })
  submitForSignOff(@CurrentCaller() caller: Caller, @Args('input') input: SubmitForSignOffInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'submit', { type: 'SubmitForSignOff', note: input.note ?? null }));
  }

  @Mutation(() => Finding, { description: '区级审核通过' })
  passDistrictReview(@CurrentCaller() caller: Caller, @Args('input') input: FindingCommentInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'reviewPass', { type: 'PassDistrictReview', comment: input.comment ?? null }));
  }

  @Mutation(() => Finding, { description: '区级审核退回整改' })
  rejectDistrictReview(@CurrentCaller() caller: Caller, @Args('input') input: FindingReasonInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'reviewReject', { type: 'RejectDistrictReview', reason: input.reason }));
  }

  @Mutation(() => Finding, { description: '销号 (city)' })
  signOffFinding(@CurrentCaller() caller: Caller, @Args('input') input: FindingCommentInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'signOff', { type: 'SignOffFinding', comment: input.comment ?? null }));
  }

  @Mutation(() => Finding, { description: '市级审核退回整改' })
  rejectSignOff(@CurrentCaller() caller: Caller, @Args('input') input: FindingReasonInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'reject', { type: 'RejectSignOff', reason: input.reason }));
  }

  @Mutation(() => Finding, { description: '申请延期' })
  requestExtension(@CurrentCaller() caller: Caller, @Args('input') input: RequestExtensionInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'requestExtension', { type: 'RequestExtension', requestedDeadline: input.requestedDeadline, reason: input.reason }));
  }

  @Mutation(() => Finding, { description: '批准延期' })
  approveExtension(@CurrentCaller() caller: Caller, @Args('input') input: FindingCommentInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'approveExtension', { type: 'ApproveExtension', comment: input.comment ?? null }));
  }

  @Mutation(() => Finding, { description: '驳回延期申请' })
  refuseExtension(@CurrentCaller() caller: Caller, @Args('input') input: FindingReasonInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'refuseExtension', { type: 'RefuseExtension', reason: input.reason }));
  }

  @Mutation(() => Finding, { description: '改派责任单位' })
  reassignFinding(@CurrentCaller() caller: Caller, @Args('input') input: ReassignFindingInput): Promise<Finding> {
    return answer(this.reassignHandler.execute(caller, input));
  }

  @Mutation(() => Finding, { description: '撤销问题' })
  withdrawFinding(@CurrentCaller() caller: Caller, @Args('input') input: FindingReasonInput): Promise<Finding> {
    return answer(this.commands.change(caller, input, 'withdraw', { type: 'WithdrawFinding', reason: input.reason }));
  }

  @Mutation(() => Finding, { description: '重新打开问题 (回头看 found the rectification did not hold)' })
  reopenFinding(@CurrentCaller() caller: Caller, @Args('input') input: ReopenFindingInput): Promise<Finding> {
    return answer(this.reopenHandler.execute(caller, input));
  }
}
