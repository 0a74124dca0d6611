import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { holdsUnstorableText } from '../../http/storable-text.js';

/**
 * Refuses, before anything runs, a request with U+0000 or a lone surrogate in a variable or a string
 * literal of its document: one check for every argument of every field, answered 400 BAD_USER_INPUT.
 */
export function storableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (holdsUnstorableText(request.variables ?? {}) || literalsHoldUnstorableText(document)) {
            throw new GraphQLError('Strings must be valid Unicode text without the NUL character (U+0000)', {
              extensions: { code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_TEXT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

// Apollo hands every request of the same query text the same parsed document: its literals are read once.
const literalsChecked = new WeakMap<DocumentNode, boolean>();

function literalsHoldUnstorableText(document: DocumentNode): boolean {
  let found = literalsChecked.get(document);
  if (found === undefined) {
    found = visitLiterals(document);
    literalsChecked.set(document, found);
  }
  return found;
}

function visitLiterals(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (holdsUnstorableText(node.value)) found = true;
    },
  });
  return found;
}
