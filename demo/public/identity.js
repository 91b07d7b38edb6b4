// Identity: the SSN is typed into the frame; post the pii_ ID and the name the shop collects itself.
import { submitElementToken } from './token-form.js';

submitElementToken(document.getElementById('payment-form'), document.getElementById('pii'));
