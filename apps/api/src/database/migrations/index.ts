import { CreateEventStore1795400000000 } from './1795400000000-create-event-store';
import { CreateTenancyRegistry1795400000100 } from './1795400000100-create-tenancy-registry';
import { CreateIdentity1795400000200 } from './1795400000200-create-identity';
import { CreateAuditCheckpoints1795400000300 } from './1795400000300-create-audit-checkpoints';
import { CreateUnits1795400000400 } from './1795400000400-create-units';
import { CreateInspectionsAndFindings1795400000500 } from './1795400000500-create-inspections-and-findings';
import { CreateInterviews1795400000600 } from './1795400000600-create-interviews';
import { CreateWebhooks1795400000700 } from './1795400000700-create-webhooks';
import { CreateNotifications1795400000800 } from './1795400000800-create-notifications';
import { CreateResponsibility1795400000900 } from './1795400000900-create-responsibility';
import { IndexStatistics1795400001000 } from './1795400001000-index-statistics';
import { MonthlyReportWarnings1795400001100 } from './1795400001100-monthly-report-warnings';

/** Every migration, oldest first; TypeORM runs the ones a database has not seen. */
export const migrations = [CreateEventStore1795400000000, CreateTenancyRegistry1795400000100, CreateIdentity1795400000200, CreateAuditCheckpoints1795400000300, CreateUnits1795400000400, CreateInspectionsAndFindings1795400000500, CreateInterviews1795400000600, CreateWebhooks1795400000700, CreateNotifications1795400000800, CreateResponsibility1795400000900, IndexStatistics1795400001000, MonthlyReportWarnings1795400001100];
