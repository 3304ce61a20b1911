import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import type { Role } from '@zeren/domain';
import { AuthenticationError } from './auth-errors';

const ISSUER = 'zeren';
const AUDIENCE = 'zeren-api';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  personId: string;
  sessionId: string;
  role: Role;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  displayName: string;
}

/**
 * Short-lived access tokens. Verification pins the algorithm, issuer and audience and requires an
 * expiry, so `alg: none`, algorithm confusion, foreign or tampered tokens are all refused.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({
      sid: claims.sessionId,
      role: claims.role,
      cid: claims.cityId,
      tid: claims.tenantId,
      uid: claims.unitId,
      name: claims.displayName,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.personId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sub', 'sid', 'role'],
      });
      return {
        personId: payload.sub!,
        sessionId: String(payload['sid']),
        role: payload['role'] as Role,
        cityId: (payload['cid'] as string | null) ?? null,
        tenantId: (payload['tid'] as string | null) ?? null,
        unitId: (payload['uid'] as string | null) ?? null,
        displayName: String(payload['name'] ?? ''),
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('登录已过期，请重新登录');
      throw new AuthenticationError('登录凭证无效，请重新登录');
    }
  }
}
