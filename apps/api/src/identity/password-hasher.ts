import argon2 from 'argon2';

/** OWASP's Argon2id baseline (19 MiB, 2 passes): strong, and cheap enough for sign-in bursts on 2 cores. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class PasswordPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordPolicyError';
  }
}

/** At least 10 characters with letters and digits; a long passphrase passes on length alone. */
export function assertPasswordPolicy(password: string): void {
  if (password.length > 200) throw new PasswordPolicyError('密码不能超过 200 个字符');
  if (password.length >= 16) return;
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new PasswordPolicyError('密码至少 10 位，且须同时包含字母和数字');
  }
}

export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  /** Spends the same time as a real check, so an unknown username is not told apart by timing. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('zeren-timing-equaliser');
    await argon2.verify(await this.dummyHash, password);
    return false;
  }
}
