// Saved card: re-confirm its security code; post the cvctok_ ID with the saved card's reference.
import { submitElementToken } from './token-form.js';

submitElementToken(document.getElementById('payment-form'), document.getElementById('cvc'));
