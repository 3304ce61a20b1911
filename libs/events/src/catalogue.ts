import { EventRegistry } from './core/event-registry';
import { findingEvents } from './finding/finding.events';
import { identityEvents } from './identity/identity.events';
import { inspectionEvents } from './inspection/inspection.events';
import { interviewEvents } from './interview/interview.events';
import { responsibilityEvents } from './responsibility/responsibility.events';
import { tenancyEvents } from './tenancy/tenancy.events';
import { unitEvents } from './unit/unit.events';
import { webhookEvents } from './webhook/webhook.events';

/** Every published event definition and upcaster; add an area's list here when it is published. */
export const eventCatalogue = new EventRegistry([
  ...tenancyEvents,
  ...identityEvents,
  ...unitEvents,
  ...inspectionEvents,
  ...findingEvents,
  ...interviewEvents,
  ...webhookEvents,
  ...responsibilityEvents,
]);
