import { Global, Module } from '@nestjs/common';
import { CommandPipeline } from './command-pipeline';
import { ProjectionRegistry } from './projection-registry';

/** The write path shared by every area. */
@Global()
@Module({ providers: [ProjectionRegistry, CommandPipeline], exports: [ProjectionRegistry, CommandPipeline] })
export class CommandsModule {}
