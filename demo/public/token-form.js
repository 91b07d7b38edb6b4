// The pattern every page of the demo shop follows: on submit, get token IDs
// (never the raw values), put them in the form's hidden inputs and post the form.
// The secure fields show their own errors; #payment-error only carries the outcome of the button.

/**
 * @param {HTMLFormElement} form
 * @param {() => Promise<{ tokens?: Record<string, string>, error?: { message: string } }>} getTokens
 *   resolves with the hidden inputs to fill (name → token ID), or with an error to show.
 * @param {HTMLElement[]} elements the secure field elements on the page, whose load errors are shown.
 */
export function submitWithTokens(form, getTokens, elements = []) {
  const button = form.querySelector('button[type="submit"]');
  const label = button.textContent;
  const errorLine = document.getElementById('payment-error');

  for (const element of elements) {
    // Editing clears the outcome, but a change that still carries the same error (the blur that
    // clicking the button causes can arrive after the result) leaves it in place.
    element.addEventListener('change', (event) => {
      if (event.detail.error?.message !== errorLine.textContent) errorLine.textContent = '';
    });
    element.addEventListener('loaderror', (event) => (errorLine.textContent = event.detail.error.message));
  }

  // The same for the merchant's own inputs.
  form.addEventListener('input', () => (errorLine.textContent = ''));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorLine.textContent = '';
    button.disabled = true;
    button.textContent = 'Processing…';
    const { tokens, error } = await getTokens();
    if (error) {
      errorLine.textContent = error.message;
      button.disabled = false;
      button.textContent = label;
      return;
    }
    for (const [name, id] of Object.entries(tokens)) form.elements[name].value = id;
    form.submit();
  });
}

/** For a page with one secure field element: its token goes into the hidden `token` input. */
export function submitElementToken(form, element, extra = () => ({})) {
  submitWithTokens(form, async () => {
    const { token, error } = await element.tokenize(extra());
    return error ? { error } : { tokens: { token: token.id } };
  }, [element]);
}
