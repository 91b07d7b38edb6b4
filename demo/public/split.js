// Separate card fields: the number element tokenizes the whole card (it gathers expiry and CVC inside the frames).
import { submitWithTokens } from './token-form.js';

const form = document.getElementById('payment-form');
const number = document.getElementById('card-number');
submitWithTokens(
  form,
  async () => {
    const { token, error } = await number.tokenize({ name: form.elements.name.value });
    return error ? { error } : { tokens: { token: token.id } };
  },
  ['card-number', 'card-expiry', 'card-cvc'].map((id) => document.getElementById(id)),
);
