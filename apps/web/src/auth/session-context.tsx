import { useApolloClient } from '@apollo/client/react';
import type { AppAbility } from '@zeren/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionViewer, ZerenSession } from '../graphql/apollo-client';
import type { AuthorizedFetch } from '../graphql/authorized-fetch';
import { abilityFor } from '../permissions/ability';
import { SignInMutation, SignOutMutation } from './auth.documents';

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionContextValue {
  status: SessionStatus;
  viewer: SessionViewer | null;
  ability: AppAbility | null;
  /** True when the session ended on its own (refresh refused), not by signing out. */
  expired: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** fetch with the session's token, for the REST endpoints (evidence, Excel export). */
  authorizedFetch: AuthorizedFetch;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages behind sign-in: the viewer and ability are there. */
export function useSignedIn(): { viewer: SessionViewer; ability: AppAbility } {
  const { viewer, ability } = useSession();
  if (!viewer || !ability) throw new Error('useSignedIn while signed out');
  return { viewer, ability };
}

export function SessionProvider({ session, authorizedFetch, children }: { session: ZerenSession; authorizedFetch: AuthorizedFetch; children: ReactNode }) {
  const client = useApolloClient();
  const grant = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current,
  );
  const [restoring, setRestoring] = useState(true);
  const [everSignedIn, setEverSignedIn] = useState(false);
  const [endedByUser, setEndedByUser] = useState(false);

  useEffect(() => {
    // A reload keeps no token: the httpOnly refresh cookie brings the session back, once.
    void session.refresh().finally(() => setRestoring(false));
  }, [session]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const result = await client.mutate({ mutation: SignInMutation, variables: { input: { username, password } }, context: { anonymous: true } });
      if (result.data) session.set(result.data.signIn);
    },
    [client, session],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: SignOutMutation });
    } finally {
      setEndedByUser(true);
      session.clear();
      await client.clearStore();
    }
  }, [client, session]);

  const viewer = grant?.viewer ?? null;
  useEffect(() => {
    if (!viewer) return;
    setEverSignedIn(true);
    setEndedByUser(false);
  }, [viewer]);
  const ability = useMemo(() => (viewer ? abilityFor(viewer) : null), [viewer]);
  const status: SessionStatus = restoring && !viewer ? 'restoring' : viewer ? 'signedIn' : 'signedOut';
  const value = useMemo<SessionContextValue>(
    () => ({ status, viewer, ability, expired: status === 'signedOut' && everSignedIn && !endedByUser, signIn, signOut, authorizedFetch }),
    [status, viewer, ability, everSignedIn, endedByUser, signIn, signOut, authorizedFetch],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
