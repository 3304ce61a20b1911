import { eventCatalogue } from '../catalogue';
import { InterviewHeldV1, interviewEvents } from './interview.events';

const commitment = { commitmentId: 'a0000000-0000-4000-8000-000000000201', text: '按期整改', dueDate: '2026-03-31' };
const held = { interviewId: 'a0000000-0000-4000-8000-000000000101', heldAt: '2026-03-10T02:00:00.000Z', minutes: '纪要', commitments: [commitment] };

describe('interview events', () => {
  it('are published in the catalogue on the Interview stream', () => {
    for (const definition of interviewEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
      expect(definition.streamType).toBe('Interview');
    }
  });

  it('refuse two commitments with the same id', () => {
    expect(InterviewHeldV1.schema.safeParse(held).success).toBe(true);
    expect(InterviewHeldV1.schema.safeParse({ ...held, commitments: [commitment, commitment] }).success).toBe(false);
  });
});
