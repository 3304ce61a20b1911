import { EventRegistry } from './core/event-registry';
import { identityEvents } from './identity/identity.events';
import { tenancyEvents } from './tenancy/tenancy.events';

/** Every published event definition and upcaster; add an area's list here when it is published. */
export const eventCatalogue = new EventRegistry([...tenancyEvents, ...identityEvents]);
