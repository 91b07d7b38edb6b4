// Card checkout: tokenize the card (with the name the shop collects itself), post only the token ID.
import { submitElementToken } from './token-form.js';

const form = document.getElementById('payment-form');
submitElementToken(form, document.getElementById('card'), () => ({ name: form.elements.name.value }));
