/**
 * The accounts module's entry point for other modules: the account service, who is calling
 * (Principal) and REST sign-in. Other modules import only this file (the lint rule checks it).
 */
export type { AccountsService } from './accounts.service.js';
export type { Principal } from './principal.js';
export { requirePrincipal } from './rest-auth.js';
