import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@zeren/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { AccessTokens } from './access-tokens';
import { AuthenticationError, TooManyAttemptsError } from './auth-errors';
import { PasswordHasher } from './password-hasher';

/** Failures in a row before an account locks; each further failure doubles the lock, up to a day. */
const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 15 * 60;
const MAX_LOCK_SECONDS = 24 * 3600;

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  personId: string;
}

interface AccountRow {
  username: string;
  person_id: string;
  tenant_id: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
}

interface PersonRow {
  id: string;
  display_name: string;
  role: Role;
  city_id: string | null;
  home_tenant_id: string | null;
  unit_id: string | null;
  status: string;
}

const hashRefresh = (token: string): Buffer => createHash('sha256').update(token).digest();

/**
 * Password sign-in with lock-out, refresh tokens that rotate on every use (a reused one revokes
 * its whole family: someone copied it), sign-out and password change. Every refusal is logged
 * with who and when, never with the secret.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(username: string, password: string, userAgent: string | undefined): Promise<SignedIn> {
    const [account] = await this.dataSource.query<AccountRow[]>('SELECT * FROM accounts WHERE username = $1', [username.trim().toLowerCase()]);
    if (!account) {
      await this.passwords.verifyAgainstNothing(password);
      this.logger.warn({ msg: 'sign-in failed', username, reason: 'unknown username' });
      throw new AuthenticationError('用户名或密码错误');
    }
    const now = Date.now();
    if (account.locked_until && account.locked_until.getTime() > now) {
      this.logger.warn({ msg: 'sign-in refused', username, personId: account.person_id, tenantId: account.tenant_id, reason: 'locked' });
      throw new TooManyAttemptsError((account.locked_until.getTime() - now) / 1000);
    }
    if (!(await this.passwords.verify(account.password_hash, password))) {
      const failures = account.failed_attempts + 1;
      const lockSeconds = failures >= FREE_ATTEMPTS ? Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS) : 0;
      await this.dataSource.query(
        `UPDATE accounts SET failed_attempts = $2, locked_until = CASE WHEN $3::int > 0 THEN now() + make_interval(secs => $3) END WHERE username = $1`,
        [account.username, failures, lockSeconds],
      );
      this.logger.warn({ msg: 'sign-in failed', username, personId: account.person_id, tenantId: account.tenant_id, reason: 'wrong password', failures });
      throw new AuthenticationError('用户名或密码错误');
    }
    await this.dataSource.query('UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE username = $1', [account.username]);
    return this.openSession(account, randomUUID(), userAgent);
  }

  async refresh(refreshToken: string, userAgent: string | undefined): Promise<SignedIn> {
    const [session] = await this.dataSource.query<Array<{ id: string; family_id: string; person_id: string; expires_at: Date; rotated_at: Date | null; revoked_at: Date | null }>>(
      'SELECT id, family_id, person_id, expires_at, rotated_at, revoked_at FROM sessions WHERE refresh_hash = $1',
      [hashRefresh(refreshToken)],
    );
    if (!session || session.revoked_at || session.expires_at.getTime() <= Date.now()) {
      throw new AuthenticationError('登录已过期，请重新登录');
    }
    if (session.rotated_at) {
      await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [session.family_id]);
      this.logger.warn({ msg: 'refresh token reused; session family revoked', personId: session.person_id, familyId: session.family_id });
      throw new AuthenticationError('登录已失效，请重新登录');
    }
    // Rotating is a compare-and-set, so two racing refreshes with one token cannot both succeed.
    const rotated = await this.dataSource.query<Array<{ id: string }>>(
      'UPDATE sessions SET rotated_at = now() WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL RETURNING id',
      [session.id],
    );
    if (rotated.length === 0) throw new AuthenticationError('登录已失效，请重新登录');
    const [account] = await this.dataSource.query<AccountRow[]>('SELECT * FROM accounts WHERE person_id = $1', [session.person_id]);
    if (!account) throw new AuthenticationError('账号已停用');
    return this.openSession(account, session.family_id, userAgent);
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE sessions SET revoked_at = now() WHERE family_id = (SELECT family_id FROM sessions WHERE id = $1) AND revoked_at IS NULL',
      [sessionId],
    );
  }

  /** Verifies the current password; the new hash is stored by the caller's command, with its event. */
  async verifyCurrentPassword(personId: string, password: string): Promise<void> {
    const [account] = await this.dataSource.query<AccountRow[]>('SELECT * FROM accounts WHERE person_id = $1', [personId]);
    if (!account || !(await this.passwords.verify(account.password_hash, password))) {
      this.logger.warn({ msg: 'password change refused', personId, reason: 'wrong current password' });
      throw new AuthenticationError('当前密码不正确');
    }
  }

  private async openSession(account: AccountRow, familyId: string, userAgent: string | undefined): Promise<SignedIn> {
    const person = await this.transactions.run({ tenantIds: [account.tenant_id] }, async (sql) => {
      const [row] = await sql.query<PersonRow>('SELECT id, display_name, role, city_id, home_tenant_id, unit_id, status FROM people WHERE tenant_id = $1 AND id = $2', [
        account.tenant_id,
        account.person_id,
      ]);
      return row;
    });
    if (!person || person.status !== 'ACTIVE') {
      this.logger.warn({ msg: 'sign-in refused', personId: account.person_id, tenantId: account.tenant_id, reason: 'deactivated' });
      throw new AuthenticationError('账号已停用');
    }
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000);
    await this.dataSource.query(
      'INSERT INTO sessions (id, family_id, person_id, refresh_hash, expires_at, user_agent) VALUES ($1, $2, $3, $4, $5, $6)',
      [sessionId, familyId, person.id, hashRefresh(refreshToken), refreshTokenExpiresAt, userAgent?.slice(0, 300) ?? null],
    );
    const access = await this.accessTokens.issue({
      personId: person.id,
      sessionId,
      role: person.role,
      cityId: person.city_id,
      tenantId: person.home_tenant_id,
      unitId: person.unit_id,
      displayName: person.display_name,
    });
    this.logger.log({ msg: 'signed in', personId: person.id, tenantId: person.home_tenant_id, role: person.role });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, personId: person.id };
  }
}
