import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { useOrganizationSettingsQuery, useUpdateOrganizationMutation } from '../../../gql/hooks.js';

const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });

/** The currency report values are shown in: owners and admins pick it from the API's fixed list. */
export function CurrencySetting({ editable }: { editable: boolean }) {
  const { data } = useOrganizationSettingsQuery();
  const [update, { loading, error }] = useUpdateOrganizationMutation();
  const current = data?.me?.organization.currency ?? 'USD';
  const [chosen, setChosen] = useState(current);
  const [saved, setSaved] = useState(false);
  const id = useId();
  useEffect(() => setChosen(current), [current]);

  if (!editable) {
    return (
      <p>
        Report currency: <strong>{`${currencyNames.of(current) ?? current} (${current})`}</strong>
      </p>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await update({ variables: { input: { currency: chosen } } }).catch(() => null);
    if (result?.data) setSaved(true);
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Report currency">
      {error && <ErrorAlert error={error} />}
      {saved && <Alert tone="success">Reports now show values in {currencyNames.of(current) ?? current}.</Alert>}
      <div className="row">
        <label className="field__label" htmlFor={id}>
          Report currency
        </label>
        <select id={id} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {(data?.supportedCurrencies ?? [current]).map((code) => (
            <option key={code} value={code}>
              {`${currencyNames.of(code) ?? code} (${code})`}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" busy={loading}>
          Save currency
        </Button>
      </div>
    </form>
  );
}
