import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider, useSession } from '../auth/session-context';
import { createZerenApollo } from '../graphql/apollo-client';
import { LocaleProvider } from '../i18n/locale';
import { PageFallback } from '../shared/page-fallback';
import './app.css';

const SignInPage = lazy(() => import('../auth/sign-in-page'));
const AppRoutes = lazy(() => import('./routes'));

function SignedInOrSignIn() {
  const { status } = useSession();
  if (status === 'restoring') return <PageFallback />;
  return <Suspense fallback={<PageFallback />}>{status === 'signedOut' ? <SignInPage /> : <AppRoutes />}</Suspense>;
}

export function App() {
  const [{ client, session, authorizedFetch }] = useState(createZerenApollo);
  return (
    <LocaleProvider>
      <AntApp>
        <ApolloProvider client={client}>
          <SessionProvider session={session} authorizedFetch={authorizedFetch}>
            <BrowserRouter>
              <SignedInOrSignIn />
            </BrowserRouter>
          </SessionProvider>
        </ApolloProvider>
      </AntApp>
    </LocaleProvider>
  );
}
