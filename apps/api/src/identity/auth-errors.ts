/** Not signed in, or the credentials are wrong, expired or revoked; the message never says which secret failed. */
export class AuthenticationError extends Error {
  constructor(message = '请先登录') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`尝试次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`);
    this.name = 'TooManyAttemptsError';
  }
}
