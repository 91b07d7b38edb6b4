// Pay by bank: the frame collects the account and its holder; post only the btok_ ID.
import { submitElementToken } from './token-form.js';

submitElementToken(document.getElementById('payment-form'), document.getElementById('bank'));
