import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** 整改率 and the figures around it, by city, district, unit and inspection, as of any instant. */
@Module({ imports: [IdentityModule], providers: [StatisticsRepository, StatisticsService, StatisticsResolver] })
export class ReportingModule {}
