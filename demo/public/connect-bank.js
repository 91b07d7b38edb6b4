// Connect your bank: plain form posts; the merchant server does every Plaid call, so the page
// only ever holds account names, masks and an opaque link id. This script shows the progress.
const form = document.querySelector('form[data-busy]');
const button = form.querySelector('button[type="submit"]');
const label = button.textContent;
const errorLine = document.getElementById('payment-error');

form.addEventListener('input', () => (errorLine.textContent = ''));
form.addEventListener('submit', () => {
  errorLine.textContent = '';
  button.disabled = true;
  button.textContent = form.dataset.busy;
});
// Coming back to the page from the history restores it as it was left: busy.
window.addEventListener('pageshow', () => {
  button.disabled = false;
  button.textContent = label;
});
