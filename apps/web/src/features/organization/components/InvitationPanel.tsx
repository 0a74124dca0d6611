import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.js';
import { Field } from '../../../components/ui/Field.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import type { InvitationPreviewQuery } from '../../../gql/graphql.js';
import {
  useAcceptInvitationMutation,
  useSignInWithInvitationMutation,
  useSignUpWithInvitationMutation,
} from '../../../gql/hooks.js';
import type { InvitationStep } from '../invitation-state.js';

type Invitation = NonNullable<InvitationPreviewQuery['invitation']>;

// Mirrors the API's rule (at least 10 characters), as the sign-up form does.
const MIN_PASSWORD_LENGTH = 10;

/** After joining: forget the previous session's cache and open the organization's dashboard. */
function useJoined() {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async () => {
    await client.resetStore();
    await navigate('/', { replace: true });
  };
}

/** The pending invitation's one action: join as the signed-in user, sign in, or create the account. */
export function InvitationPanel({
  token,
  invitation,
  step,
  signOut,
}: {
  token: string;
  invitation: Invitation;
  step: Exclude<InvitationStep, { kind: 'invalid' }>;
  /** The app's sign-out button, for a visitor signed in with another address. */
  signOut: ReactNode;
}) {
  if (step.kind === 'wrong-account') {
    return (
      <div className="stack">
        <Alert tone="error">
          This invitation is for {invitation.email}, but you are signed in as {step.signedInAs}. Sign out, then open the
          link again.
        </Alert>
        {signOut}
      </div>
    );
  }
  if (step.kind === 'accept') return <AcceptButton token={token} />;
  return <PasswordForm token={token} email={invitation.email} newAccount={step.kind === 'sign-up'} />;
}

function AcceptButton({ token }: { token: string }) {
  const [accept, { loading, error }] = useAcceptInvitationMutation();
  const joined = useJoined();
  async function run() {
    const result = await accept({ variables: { token } }).catch(() => null);
    if (result?.data) await joined();
  }
  return (
    <div className="stack">
      {error && <ErrorAlert error={error} />}
      <Button block busy={loading} onClick={() => void run()}>
        Join the organization
      </Button>
    </div>
  );
}

function PasswordForm({ token, email, newAccount }: { token: string; email: string; newAccount: boolean }) {
  const [password, setPassword] = useState('');
  const [signUp, signingUp] = useSignUpWithInvitationMutation();
  const [signIn, signingIn] = useSignInWithInvitationMutation();
  const joined = useJoined();
  const error = newAccount ? signingUp.error : signingIn.error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = newAccount
      ? await signUp({ variables: { input: { token, password } } }).catch(() => null)
      : await signIn({ variables: { token, password } }).catch(() => null);
    if (result?.data) await joined();
  }

  return (
    <form className="form" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <Field label="Email" type="email" value={email} readOnly hint="The invitation is for this address." />
      <Field
        label={newAccount ? 'Choose a password' : 'Password'}
        type="password"
        autoComplete={newAccount ? 'new-password' : 'current-password'}
        required
        minLength={newAccount ? MIN_PASSWORD_LENGTH : undefined}
        hint={newAccount ? `At least ${MIN_PASSWORD_LENGTH} characters.` : undefined}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" block busy={signingUp.loading || signingIn.loading}>
        {newAccount ? 'Create account and join' : 'Sign in and join'}
      </Button>
    </form>
  );
}
