import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Field } from '../../../components/ui/Field.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { useSignInMutation } from '../../../gql/hooks.js';
import { useAfterSignIn } from '../hooks/useAfterSignIn.js';

export function SignInForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useSignInMutation();
  const afterSignIn = useAfterSignIn();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await signIn({ variables: { email, password } }).catch(() => null);
    if (result?.data) await afterSignIn();
  }

  return (
    <form className="form" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
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
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" block busy={loading || afterSignIn.startingCheckout}>
        Sign in
      </Button>
    </form>
  );
}
