/**
 * The signed-in session, in memory only: the access token never touches storage, so a script that
 * reads localStorage finds nothing. After a reload the session comes back through refreshSession,
 * whose single-use refresh token lives in an httpOnly cookie scoped to /graphql.
 */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
}

/** What a refresh or sign-in answers; the viewer shape is the caller's (the store only keeps it). */
export interface SessionGrant<Viewer> extends SessionTokens {
  viewer: Viewer;
}

export type RefreshFunction<Viewer> = () => Promise<SessionGrant<Viewer> | null>;

/** Renew a little before the server would refuse the token, so most requests never meet a 401. */
const EXPIRY_MARGIN_MS = 30_000;

export class SessionStore<Viewer> {
  private grant: SessionGrant<Viewer> | null = null;
  private inFlight: Promise<SessionGrant<Viewer> | null> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly refreshWith: RefreshFunction<Viewer>,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): SessionGrant<Viewer> | null {
    return this.grant;
  }

  get accessToken(): string | null {
    return this.grant?.accessToken ?? null;
  }

  /** True when a token is held but has expired or is about to. */
  get isStale(): boolean {
    if (!this.grant) return false;
    return Date.parse(this.grant.accessTokenExpiresAt) - EXPIRY_MARGIN_MS <= this.now();
  }

  set(grant: SessionGrant<Viewer> | null): void {
    this.grant = grant;
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.set(null);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Exchanges the refresh cookie for new tokens. Concurrent callers share one request: a refresh
   * token works once, and presenting it twice would make the server revoke the whole session.
   */
  refresh(): Promise<SessionGrant<Viewer> | null> {
    if (!this.inFlight) {
      this.inFlight = this.refreshWith()
        .then(
          (grant) => {
            // null: the server refused the refresh token, so the session is over.
            this.set(grant);
            return grant;
          },
          // The server could not be reached: keep what we have, the next request tries again.
          () => null,
        )
        .finally(() => {
          this.inFlight = null;
        });
    }
    return this.inFlight;
  }
}
