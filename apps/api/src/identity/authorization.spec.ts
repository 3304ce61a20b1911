import { Logger } from '@nestjs/common';
import { RecordNotFoundError, ForbiddenError } from '../commands/command-errors';
import type { Caller } from './authenticator';
import { Authorization } from './authorization';

const DISTRICT = 'd0000000-0000-4000-8000-000000000001';
const OTHER_DISTRICT = 'd0000000-0000-4000-8000-000000000002';
const FINDING = 'f0000000-0000-4000-8000-000000000001';

const auditor: Caller = {
  actor: { kind: 'user', id: 'a0000000-0000-4000-8000-000000000001', role: 'auditor', cityId: null, tenantId: DISTRICT, unitId: null },
  tenantIds: [DISTRICT],
  sessionId: 's0000000-0000-4000-8000-000000000001',
  displayName: '钱塘纪检',
};

describe('Authorization', () => {
  let warnings: unknown[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(message));
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a refused change with who, what, which record and district, and answers FORBIDDEN', () => {
    const finding = { id: FINDING, tenantId: DISTRICT, unitId: 'u1', status: 'RECORDED' };
    expect(() => new Authorization().assertCan(auditor, 'withdraw', 'Finding', finding)).toThrow(ForbiddenError);
    expect(warnings).toEqual([
      {
        msg: 'access denied',
        actorId: auditor.actor.id,
        actorKind: 'user',
        actorRole: 'auditor',
        actorTenantId: DISTRICT,
        actorCityId: null,
        action: 'withdraw',
        subject: 'Finding',
        recordId: FINDING,
        recordTenantId: DISTRICT,
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain(auditor.sessionId!);
  });

  it('logs a read of another district’s record but answers it exactly like a missing one', () => {
    const authorization = new Authorization();
    const foreign = () => authorization.assertCanRead(auditor, 'Finding', { id: FINDING, tenantId: OTHER_DISTRICT, unitId: 'u1', status: 'RECORDED' }, FINDING);
    const missing = () => authorization.assertCanRead(auditor, 'Finding', undefined, FINDING);
    expect(foreign).toThrow(RecordNotFoundError);
    expect(missing).toThrow(RecordNotFoundError);
    expect(warnings).toEqual([expect.objectContaining({ msg: 'access denied', action: 'read', recordId: FINDING, recordTenantId: OTHER_DISTRICT })]);
  });
});
