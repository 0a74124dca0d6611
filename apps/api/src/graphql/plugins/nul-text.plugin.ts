import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { holdsNul } from '../../http/nul-text.js';

/**
 * Refuses, before anything runs, a request with U+0000 in a variable or a string literal of its
 * document: one check for every argument of every field, answered 400 BAD_USER_INPUT.
 */
export function nulTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (holdsNul(request.variables ?? {}) || literalsHoldNul(document)) {
            throw new GraphQLError('Strings must not contain the NUL character (U+0000)', {
              extensions: { code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function literalsHoldNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\0')) found = true;
    },
  });
  return found;
}
