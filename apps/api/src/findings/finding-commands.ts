import { Inject, Injectable } from '@nestjs/common';
import { findingDecider, type FindingCommand, type FindingState } from '@zeren/domain';
import type { FindingEvent } from '@zeren/events';
import { CommandPipeline } from '../commands/command-pipeline';
import { Authorization } from '../identity/authorization';
import { RecordCommands } from '../records/record-commands';
import { findingSubject, FindingsRepository, type FindingRecord } from './findings.repository';

/** The write path of every finding command (see RecordCommands), shared by the use cases and the scheduler. */
@Injectable()
export class FindingCommands extends RecordCommands<FindingRecord, FindingState, FindingCommand, FindingEvent> {
  constructor(
    @Inject(CommandPipeline) pipeline: CommandPipeline,
    @Inject(Authorization) authorization: Authorization,
    @Inject(FindingsRepository) findings: FindingsRepository,
  ) {
    super(
      {
        subjectType: 'Finding',
        decider: findingDecider,
        find: (tenantIds, id) => findings.find(tenantIds, id),
        subjectOf: (finding: FindingRecord) => findingSubject(finding),
      },
      pipeline,
      authorization,
    );
  }
}
