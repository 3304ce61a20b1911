import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Public } from '../identity/current-caller.decorator';
import { SystemStatus } from './system-status.model';
import { API_VERSION } from './version';

@Resolver(() => SystemStatus)
export class SystemResolver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Public()
  @Query(() => SystemStatus, { description: '系统状态: version, time and schema level; needs no sign-in' })
  async systemStatus(): Promise<SystemStatus> {
    const [row] = await this.dataSource.query<Array<{ count: string }>>('SELECT count(*) AS count FROM schema_migrations');
    return { version: API_VERSION, serverTime: new Date(), migrationsApplied: Number(row!.count) };
  }
}
