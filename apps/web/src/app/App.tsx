import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { apolloClient } from '../lib/apollo.js';
import { AppRoutes } from './router.js';

export function App() {
  return (
    <ApolloProvider client={apolloClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </ApolloProvider>
  );
}
