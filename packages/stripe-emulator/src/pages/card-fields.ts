import { html, type Html } from './layout.js';

/** The card number, expiry and CVC inputs of the hosted pages that take a card (Checkout, invoices). */
export function cardFields(
  values: { cardNumber: string; expiry: string; cvc: string } = { cardNumber: '', expiry: '', cvc: '' },
): Html {
  return html`<div class="field card-group">
    <label for="card_number">Card information</label>
    <input
      class="top"
      id="card_number"
      name="card_number"
      inputmode="numeric"
      required
      value="${values.cardNumber}"
      placeholder="1234 1234 1234 1234"
    />
    <div class="row">
      <input
        id="card_expiry"
        name="card_expiry"
        required
        value="${values.expiry}"
        placeholder="MM / YY"
        aria-label="Expiration"
      />
      <input id="card_cvc" name="card_cvc" required value="${values.cvc}" placeholder="CVC" aria-label="CVC" />
    </div>
  </div>`;
}
