import { actorFor, contextFor, given, play } from '../shared/decider-spec';
import { responsibilityListDecider, type AddResponsibilityItem, type CreateResponsibilityList } from './responsibility-list.decider';

const LIST_ID = 'a0000000-0000-4000-8000-000000000501';
const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const ITEM_ID = 'a0000000-0000-4000-8000-000000000502';
const NOW = '2026-01-05T02:00:00.000Z';
const district = contextFor(actorFor('district_admin'), NOW);

const create: CreateResponsibilityList = { type: 'CreateResponsibilityList', listId: LIST_ID, unitId: UNIT_ID, year: 2026, title: '2026年度意识形态工作责任清单' };
const addItem: AddResponsibilityItem = {
  type: 'AddResponsibilityItem',
  itemId: ITEM_ID,
  title: '中心组学习',
  content: '党委理论学习中心组每年集体学习不少于12次。',
  firstResponsible: { personId: null, name: '王明' },
};

describe('ResponsibilityList (责任清单)', () => {
  it('creates a unit’s list for a year and adds items with their first responsible person', () => {
    const history = play(responsibilityListDecider, [[create, district]]);
    const { type: _type, ...item } = addItem;
    const state = given(responsibilityListDecider, history)
      .when(addItem, district)
      .thenEmits([{ type: 'ResponsibilityItemAdded', data: { listId: LIST_ID, ...item } }]);
    expect(state).toMatchObject({ status: 'ACTIVE', unitId: UNIT_ID, year: 2026, items: [{ itemId: ITEM_ID, firstResponsible: { name: '王明' } }] });
  });

  it('refuses a second list on the same stream and an item added twice', () => {
    const history = play(responsibilityListDecider, [[create, district], [addItem, district]]);
    given(responsibilityListDecider, history).when(create, district).thenFails('INVALID_STATE');
    given(responsibilityListDecider, history).when(addItem, district).thenFails('VALIDATION_FAILED', { fields: { itemId: 'the list already has this item' } });
  });

  it('is kept by the district: unit officers and city inspectors may not change it', () => {
    given(responsibilityListDecider).when(create, contextFor(actorFor('unit_officer', { unitId: UNIT_ID }), NOW)).thenFails('NOT_ALLOWED');
    given(responsibilityListDecider).when(create, contextFor(actorFor('city_inspector'), NOW)).thenFails('NOT_ALLOWED');
  });
});
