import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCard } from '../../src/host/index';
import { env, fillCard, frameInput, nextYear, press, shownErrors, type } from './helpers';

/**
 * The elements in plain forms: the platform's validity, the token ID as an
 * ordinary form field, reset, disabled fieldsets, Enter in the frame. A
 * merchant listener on `submit` stands in for the server: it records what the
 * form would send and stops the navigation.
 */
async function mountForm(id: string, attributes = 'required', key = env.publishableKey) {
  const form = await fixture<HTMLFormElement>(html`
    <form action="/never" method="post">
      <fieldset>
        <tokenframe-card id=${id} name="token" origin=${env.url} key=${key}></tokenframe-card>
      </fieldset>
      <button>Pay</button>
    </form>
  `);
  const card = form.querySelector('tokenframe-card') as TokenframeCard;
  for (const attribute of attributes.split(' ').filter(Boolean)) {
    const [name, value = ''] = attribute.split('=');
    card.setAttribute(name, value);
  }
  await oneEvent(card, 'ready');
  const submitted: FormData[] = [];
  form.addEventListener('submit', (event) => {
    submitted.push(new FormData(form));
    event.preventDefault();
  });
  return { form, card, submitted };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('tokenframe elements in plain forms', () => {
  it('required and empty: the form is invalid with the platform’s valueMissing, and reportValidity focuses the field', async () => {
    const { form, card } = await mountForm('form-required');
    expect(form.checkValidity()).to.equal(false);
    expect(card.validity.valueMissing).to.equal(true);
    expect(card.matches(':invalid')).to.equal(true);
    expect(card.validationMessage).to.equal('Please complete your card details.');
    card.reportValidity();
    await until(() => document.activeElement === card);
    expect(document.activeElement).to.equal(card);
  });

  it('the form’s message for an empty required element is in the customer’s language, from the frame', async () => {
    const { card } = await mountForm('form-required-fr', 'required locale=fr');
    expect(card.validity.valueMissing).to.equal(true);
    expect(card.validationMessage).to.equal('Veuillez compléter les informations de votre carte.');
  });

  it('incomplete input makes it invalid with the frame’s message; complete makes it valid and :state(complete)', async () => {
    const { form, card } = await mountForm('form-states');
    await type('form-states', 'Card number', '4242');
    await until(() => !card.validity.valueMissing);
    expect(card.validity.customError).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    await type('form-states', 'Card number', '424242424242');
    await type('form-states', 'Expiration', `12${nextYear}`);
    await type('form-states', 'CVC', '123');
    await type('form-states', 'Postal code', '94107');
    await until(() => card.validity.valid);
    expect(form.checkValidity()).to.equal(true);
    expect(card.matches(':state(complete)')).to.equal(true);
  });

  it('on submit it tokenizes first, then the form carries token=tok_… as an ordinary field', async () => {
    const { form, submitted } = await mountForm('form-submit');
    await fillCard('form-submit');
    form.querySelector('button')!.click();
    await until(() => submitted.length > 0);
    expect(submitted).to.have.length(1);
    expect(String(submitted[0].get('token'))).to.match(/^tok_/);
    expect([...submitted[0].keys()]).to.deep.equal(['token']);
  });

  it('requestSubmit() works the same, and Enter pressed inside the frame submits the form', async () => {
    const { form, submitted } = await mountForm('form-enter');
    await fillCard('form-enter');
    await press('form-enter', 'Postal code', 'Enter');
    await until(() => submitted.length > 0);
    expect(String(submitted[0].get('token'))).to.match(/^tok_/);
    form.requestSubmit();
    await until(() => submitted.length > 1);
    // Nothing changed since: the same single-use token is still the value.
    expect(submitted[1].get('token')).to.equal(submitted[0].get('token'));
  });

  it('form.reset() clears the fields; a disabled fieldset disables them', async () => {
    const { form, card } = await mountForm('form-reset', '');
    await fillCard('form-reset');
    form.reset();
    await until(() => card.matches(':state(empty)'));
    expect((await frameInput('form-reset', 'Card number')).value).to.equal('');
    form.querySelector('fieldset')!.disabled = true;
    await until(() => card.matches(':disabled'));
    let disabled = false;
    for (let i = 0; i < 40 && !disabled; i++) disabled = (await frameInput('form-reset', 'Card number')).disabled;
    expect(disabled).to.equal(true);
  });

  it('a failed tokenize blocks the submit and shows its error', async () => {
    const pair = (await executeServerCommand<{ publishableKey: string; keyId: string }, object>('create-key-pair', {
      origins: [location.origin],
    }))!;
    const { form, card, submitted } = await mountForm('form-fails', 'required', pair.publishableKey);
    await fillCard('form-fails');
    await executeServerCommand('revoke-key', { keyId: pair.keyId });
    form.requestSubmit();
    await until(() => card.validity.customError);
    expect(submitted).to.deep.equal([]);
    expect(card.validationMessage).to.match(/Invalid API Key/);
    expect(form.checkValidity()).to.equal(false);
  });

  it('an incomplete card is not submitted: the frame shows what is missing', async () => {
    const { form, submitted } = await mountForm('form-incomplete', '');
    await type('form-incomplete', 'Card number', '4242424242424242');
    form.requestSubmit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(submitted).to.deep.equal([]);
    expect(await shownErrors('form-incomplete')).to.include("Your card's expiration date is incomplete.");
  });
});

describe('an element without a name (Stripe.js-style integration)', () => {
  it('does not block its form: the merchant tokenizes from script', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><tokenframe-card id="form-noname" origin=${env.url} key=${env.publishableKey}></tokenframe-card></form>
    `);
    const card = form.querySelector('tokenframe-card') as TokenframeCard;
    await oneEvent(card, 'ready');
    await type('form-noname', 'Card number', '4242');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(form.checkValidity()).to.equal(true);
    expect([...new FormData(form).keys()]).to.deep.equal([]);
  });
});
