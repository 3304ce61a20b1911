import { actorFor, contextFor, given, play } from '../shared/decider-spec';
import { targetLetterDecider, type DraftTargetLetter, type SignTargetLetter } from './target-letter.decider';

const LETTER_ID = 'a0000000-0000-4000-8000-000000000601';
const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const NOW = '2026-02-01T02:00:00.000Z';
const district = contextFor(actorFor('district_admin'), NOW);
const city = contextFor(actorFor('city_inspector'), NOW);

const draftUnitLetter: DraftTargetLetter = { type: 'DraftTargetLetter', letterId: LETTER_ID, year: 2026, level: 'DISTRICT_UNIT', unitId: UNIT_ID, terms: ['落实意识形态工作责任制'] };
const sign: SignTargetLetter = {
  type: 'SignTargetLetter',
  signatories: [
    { party: 'ISSUER', name: '王明', title: '区委书记' },
    { party: 'RECIPIENT', name: '李华', title: '街道党工委书记' },
  ],
  signedOn: '2026-02-01',
};

describe('TargetLetter (目标责任书)', () => {
  it('drafts a district → unit letter and signs it with both parties and the date', () => {
    const history = play(targetLetterDecider, [[draftUnitLetter, district]]);
    const state = given(targetLetterDecider, history)
      .when(sign, district)
      .thenEmits([{ type: 'TargetLetterSigned', data: { letterId: LETTER_ID, signatories: sign.signatories, signedOn: '2026-02-01', signedAt: NOW } }]);
    expect(state).toMatchObject({ status: 'SIGNED', signedOn: '2026-02-01', unitId: UNIT_ID });
  });

  it('leaves each level to its issuer: the city keeps city → district letters, the district its units’', () => {
    given(targetLetterDecider).when(draftUnitLetter, city).thenFails('NOT_ALLOWED');
    const cityLetter: DraftTargetLetter = { ...draftUnitLetter, level: 'CITY_DISTRICT', unitId: null };
    given(targetLetterDecider).when(cityLetter, district).thenFails('NOT_ALLOWED');
    given(targetLetterDecider).when(cityLetter, city).thenEmits([{ type: 'TargetLetterDrafted', data: { letterId: LETTER_ID, year: 2026, level: 'CITY_DISTRICT', unitId: null, terms: cityLetter.terms } }]);
  });

  it('refuses a signing date in the future and signing twice', () => {
    const drafted = play(targetLetterDecider, [[draftUnitLetter, district]]);
    given(targetLetterDecider, drafted).when({ ...sign, signedOn: '2026-02-02' }, district).thenFails('VALIDATION_FAILED', { fields: { signedOn: 'must not be in the future' } });
    given(targetLetterDecider, play(targetLetterDecider, [[sign, district]], drafted)).when(sign, district).thenFails('INVALID_STATE');
  });
});
