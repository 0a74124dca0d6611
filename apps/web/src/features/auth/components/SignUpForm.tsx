import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Field } from '../../../components/ui/Field.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { useSignUpMutation } from '../../../gql/hooks.js';
import { useAfterSignIn } from '../hooks/useAfterSignIn.js';

// Mirrors the API's rule (SignUpInput.password: at least 10 characters) so people learn it before submitting.
const MIN_PASSWORD_LENGTH = 10;

export function SignUpForm() {
  const [organizationName, setOrganizationName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signUp, { loading, error }] = useSignUpMutation();
  const afterSignIn = useAfterSignIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await signUp({ variables: { input: { organizationName, email, password } } }).catch(() => null);
    if (result?.data) await afterSignIn();
  }

  return (
    <form className="form" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <Field
        label="Organization"
        autoComplete="organization"
        required
        value={organizationName}
        onChange={(e) => setOrganizationName(e.target.value)}
      />
      <Field
        label="Work email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" block busy={loading || afterSignIn.startingCheckout}>
        Create account
      </Button>
    </form>
  );
}
