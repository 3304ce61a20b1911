import { CreateEventStore1795400000000 } from './1795400000000-create-event-store';
import { CreateTenancyRegistry1795400000100 } from './1795400000100-create-tenancy-registry';
import { CreateIdentity1795400000200 } from './1795400000200-create-identity';
import { CreateAuditCheckpoints1795400000300 } from './1795400000300-create-audit-checkpoints';

/** Every migration, oldest first; TypeORM runs the ones a database has not seen. */
export const migrations = [CreateEventStore1795400000000, CreateTenancyRegistry1795400000100, CreateIdentity1795400000200, CreateAuditCheckpoints1795400000300];
