import { eventCatalogue } from '../catalogue';
import { UnitCreatedV1, unitEvents } from './unit.events';

const unitId = 'b0000000-0000-4000-8000-000000000001';

describe('unit events', () => {
  it('are published in the catalogue on the Unit stream', () => {
    for (const definition of unitEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
      expect(definition.streamType).toBe('Unit');
    }
  });

  it('trim names and accept only the known unit kinds', () => {
    expect(UnitCreatedV1.schema.parse({ unitId, parentUnitId: null, name: ' 白杨街道 ', kind: 'STREET' }).name).toBe('白杨街道');
    expect(UnitCreatedV1.schema.safeParse({ unitId, parentUnitId: null, name: '白杨街道', kind: 'VILLAGE' }).success).toBe(false);
    expect(UnitCreatedV1.schema.safeParse({ unitId, parentUnitId: null, name: '   ', kind: 'STREET' }).success).toBe(false);
  });
});
