import type { AuthChecker } from 'type-graphql';
import {
  AccessDeniedError,
  hasRole,
  MEMBERSHIP_ROLES,
  requireSignedIn,
  type MembershipRole,
} from '../modules/accounts/index.js';
import type { GraphQLContext } from './context.js';

/** `@Authorized()` needs any principal; `@Authorized('ADMIN')` needs that role or a higher one. */
export const authChecker: AuthChecker<GraphQLContext, MembershipRole> = ({ context }, roles) => {
  const principal = context.principal;
  if (!principal) throw requireSignedIn();
  const required = roles.find((role) => MEMBERSHIP_ROLES.includes(role));
  if (required && !hasRole(principal, required)) {
    throw new AccessDeniedError('FORBIDDEN', `This needs the ${required} role in the organization`);
  }
  return true;
};
