// The merchant's own checkout script: tokenize, then submit only the token ID.
const form = document.getElementById('payment-form');
const card = document.getElementById('card');
const pay = document.getElementById('pay');
const errorLine = document.getElementById('payment-error');

// The frame shows field errors itself; this line only carries the outcome of Pay.
card.addEventListener('change', () => {
  errorLine.textContent = '';
});
card.addEventListener('loaderror', (event) => {
  errorLine.textContent = event.detail.error.message;
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  pay.disabled = true;
  pay.textContent = 'Processing…';
  const { token, error } = await card.tokenize({ name: form.elements.name.value });
  if (error) {
    errorLine.textContent = error.message;
    pay.disabled = false;
    pay.textContent = 'Pay $25.00';
    return;
  }
  form.elements.token.value = token.id;
  form.submit();
});
