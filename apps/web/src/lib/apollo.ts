// The single Apollo Client. Same-origin cookie session: the API serves this SPA at `/` and
// GraphQL at `/graphql`, so the browser sends the httpOnly session cookie with every request.
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { errorsFromBody, reactionTo, type ApiErrorLike, type ErrorReaction } from './graphql-errors.js';
import { upgradePrompt } from './upgrade-prompt.js';

const PUBLIC_PATHS = ['/signin', '/signup', '/pricing'];

/** Where a lapsed session sends people: sign-in, then back to where they were. */
export function signInRedirectFor(location: Pick<Location, 'pathname' | 'search'>): string | null {
  if (PUBLIC_PATHS.includes(location.pathname)) return null;
  const next = `${location.pathname}${location.search}`;
  return next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

function reactionToLinkError(error: unknown): ErrorReaction {
  if (CombinedGraphQLErrors.is(error)) return reactionTo(error.errors as readonly ApiErrorLike[], null);
  if (ServerError.is(error)) return reactionTo(errorsFromBody(error.bodyText), error.statusCode);
  return { kind: 'none' };
}

export interface ApolloClientOptions {
  readonly uri: string;
  readonly onReaction: (reaction: ErrorReaction) => void;
}

export function createApolloClient({ uri, onReaction }: ApolloClientOptions): ApolloClient {
  const errorLink = new ErrorLink(({ error }) => {
    const reaction = reactionToLinkError(error);
    if (reaction.kind !== 'none') onReaction(reaction);
  });
  return new ApolloClient({
    link: ApolloLink.from([errorLink, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Per-organization singletons: keep them normalised under a stable key.
        Usage: { keyFields: [] },
        UsageMeter: { keyFields: ['metric'] },
        Plan: { keyFields: ['tier'] },
      },
    }),
  });
}

// Several queries of one page fail together when a session lapses: navigate once, or each new
// navigation aborts the one before.
let redirectingToSignIn = false;

function reactInBrowser(reaction: ErrorReaction): void {
  if (reaction.kind === 'upgrade') upgradePrompt.show(reaction.details);
  if (reaction.kind === 'sign-in' && !redirectingToSignIn) {
    const target = signInRedirectFor(window.location);
    if (target) {
      redirectingToSignIn = true;
      window.location.assign(target);
    }
  }
}

export const apolloClient = createApolloClient({ uri: '/graphql', onReaction: reactInBrowser });
