import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ElementOptions } from '../../src/host/element-options';
import type { TokenframeCard, TokenframeElement } from '../../src/host/index';
import {
  env,
  fillCard,
  frameInput,
  nextChangeError,
  nextYear,
  press,
  recordRequests,
  shownErrors,
  tokenRequests,
  type,
} from './helpers';

/**
 * Mounts `<tag id>` given Stripe's `options` through its `update()` (`brands`,
 * `readOnly`, `value.postalCode` become its attributes) and `attributes`, and
 * waits for `ready`. It stays
 * on the page for the whole file (a fixture would go after one test), so
 * each `describe` shares one.
 */
async function mountWith<T extends TokenframeElement>(
  tag: string,
  id: string,
  options: ElementOptions = {},
  attributes: Record<string, string> = {},
): Promise<T> {
  const element = document.createElement(tag) as T;
  element.update(options);
  element.id = id;
  for (const [name, value] of Object.entries({ origin: env.url, key: env.publishableKey, ...attributes })) {
    element.setAttribute(name, value);
  }
  const ready = oneEvent(element, 'ready');
  document.body.append(element);
  await ready;
  return element;
}

/** Pastes `text` from the clipboard into the field, replacing what it held. */
const paste = (id: string, label: string, text: string) =>
  executeServerCommand('frame-paste', { selector: `#${id}`, label, text });

/** Fills the field as Chrome's autofill and password managers do: the whole value at once, then `input`. */
const autofill = (id: string, label: string, text: string) =>
  executeServerCommand('frame-autofill', { selector: `#${id}`, label, text });

/** The field's value, where its caret is (after moving it to `at`, when given), and whether it is read-only. */
const caret = async (id: string, label: string, at?: number) =>
  (await executeServerCommand<{ value: string; caret: number; readonly: boolean }, object>('frame-caret', {
    selector: `#${id}`,
    label,
    at,
  }))!;

const clear = async (id: string, label: string) => {
  await press(id, label, 'ControlOrMeta+A');
  await press(id, label, 'Backspace');
};

const yyyy = `20${nextYear}`;

/** Each way an expiry arrives, and what the field must show: always December of next year. */
const expiryForms: [string, string][] = [
  ['MM/YY', `12/${nextYear}`],
  ['MM/YYYY', `12/${yyyy}`],
  ['M/YY (one-digit month)', `1/${nextYear}`],
  ['MMYY', `12${nextYear}`],
  ['MMYYYY', `12${yyyy}`],
  ['MM / YYYY with spaces', `12 / ${yyyy}`],
  ['MM-YY', `12-${nextYear}`],
  ['MM.YYYY', `12.${yyyy}`],
  ['MM YY', `12 ${nextYear}`],
];
const shownFor = (form: string) => (form.startsWith('1/') ? `01 / ${nextYear}` : `12 / ${nextYear}`);

describe('the expiry, however it arrives', () => {
  let card: TokenframeCard;
  before(async () => {
    card = await mountWith<TokenframeCard>('tokenframe-card', 'expiry-forms');
  });

  for (const [name, form] of expiryForms) {
    it(`typed as ${name} (${form})`, async () => {
      await clear('expiry-forms', 'Expiration');
      await type('expiry-forms', 'Expiration', form);
      expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal(shownFor(form));
    });

    it(`pasted as ${name} (${form})`, async () => {
      await paste('expiry-forms', 'Expiration', form);
      expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal(shownFor(form));
    });

    it(`autofilled as ${name} (${form})`, async () => {
      await autofill('expiry-forms', 'Expiration', form);
      expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal(shownFor(form));
      expect(await shownErrors('expiry-forms')).to.deep.equal([]);
    });
  }

  const scripts: [string, string][] = [
    ['Arabic-Indic', '٠١٢٣٤٥٦٧٨٩'],
    ['Persian', '۰۱۲۳۴۵۶۷۸۹'],
    ['Devanagari', '०१२३४५६७८९'],
    ['Thai', '๐๑๒๓๔๕๖๗๘๙'],
    ['full-width', '０１２３４５６７８９'],
  ];
  for (const [script, digits] of scripts) {
    it(`typed in ${script} digits`, async () => {
      const local = (ascii: string) => ascii.replace(/\d/g, (d) => digits[Number(d)]);
      await clear('expiry-forms', 'Expiration');
      await type('expiry-forms', 'Expiration', local(`12/${yyyy}`));
      expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal(`12 / ${nextYear}`);
      await paste('expiry-forms', 'Expiration', local(`1/${nextYear}`));
      expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal(`01 / ${nextYear}`);
    });
  }

  it('grows naturally as typed: 1 then 2 gives "12 / ", 4 gives "04 / "', async () => {
    await clear('expiry-forms', 'Expiration');
    await type('expiry-forms', 'Expiration', '1');
    expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal('1');
    await type('expiry-forms', 'Expiration', '2');
    expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal('12 / ');
    await clear('expiry-forms', 'Expiration');
    await type('expiry-forms', 'Expiration', '4');
    expect((await frameInput('expiry-forms', 'Expiration')).value).to.equal('04 / ');
  });

  it('keeps the caret where the customer edits the month', async () => {
    await autofill('expiry-forms', 'Expiration', `12/${nextYear}`);
    await caret('expiry-forms', 'Expiration', 2);
    await press('expiry-forms', 'Expiration', 'Backspace');
    expect(await caret('expiry-forms', 'Expiration')).to.include({ value: `1 / ${nextYear}`, caret: 1 });
    await type('expiry-forms', 'Expiration', '1');
    expect(await caret('expiry-forms', 'Expiration')).to.include({ value: `11 / ${nextYear}`, caret: 2 });
  });

  it('a card autofilled with MM/YYYY tokenizes with that month and year', async () => {
    await clear('expiry-forms', 'Expiration');
    await type('expiry-forms', 'Card number', '4242424242424242');
    await autofill('expiry-forms', 'Expiration', `12/${yyyy}`);
    await type('expiry-forms', 'CVC', '123');
    await type('expiry-forms', 'Postal code', '94107');
    const result = await card.tokenize();
    expect(result.error).to.equal(undefined);
    expect(result.token!.card).to.include({ exp_month: 12, exp_year: Number(yyyy) });
  });
});

describe('the card number, pasted', () => {
  const pasted: [string, string][] = [
    ['spaces', '4242 4242 4242 4242'],
    ['dashes', '4242-4242-4242-4242'],
    ['dots', '4242.4242.4242.4242'],
    ['non-breaking spaces', '4242\u00a04242\u00a04242\u00a04242'],
    ['spaced dashes', '4242 - 4242 - 4242 - 4242'],
    ['Arabic-Indic digits', '٤٢٤٢ ٤٢٤٢ ٤٢٤٢ ٤٢٤٢'],
  ];
  before(() => mountWith('tokenframe-card', 'number-paste'));

  for (const [name, number] of pasted) {
    it(`with ${name}`, async () => {
      await paste('number-paste', 'Card number', number);
      expect((await frameInput('number-paste', 'Card number')).value).to.equal('4242 4242 4242 4242');
      expect(await shownErrors('number-paste')).to.deep.equal([]);
    });
  }

  it('formatted by its brand (American Express: 4-6-5)', async () => {
    await paste('number-paste', 'Card number', '3782-822463-10005');
    expect((await frameInput('number-paste', 'Card number')).value).to.equal('3782 822463 10005');
  });

  it('keeps the caret where the customer edits in the middle, as the spaces move', async () => {
    await paste('number-paste', 'Card number', '4242 4242 4242 4242');
    await caret('number-paste', 'Card number', 7);
    await press('number-paste', 'Card number', 'Backspace');
    expect(await caret('number-paste', 'Card number')).to.include({ value: '4242 4424 2424 242', caret: 6 });
    await type('number-paste', 'Card number', '2');
    expect(await caret('number-paste', 'Card number')).to.include({ value: '4242 4242 4242 4242', caret: 7 });
  });
});

describe('the brands option', () => {
  it('refuses a brand the merchant does not take at the number field, and tokenize() sends nothing', async () => {
    const card = await mountWith<TokenframeCard>('tokenframe-card', 'brands-refused', {
      brands: ['visa', 'mastercard'],
    });
    await recordRequests();
    const error = nextChangeError(card);
    await type('brands-refused', 'Card number', '37');
    expect(await error).to.include({ code: 'card_brand_not_accepted', message: "Your card's brand is not accepted." });
    await fillCard('brands-refused', '78282246310005', `12${nextYear}`, '1234');
    expect(await shownErrors('brands-refused')).to.deep.equal(["Your card's brand is not accepted."]);
    const result = await card.tokenize();
    expect(result.token).to.equal(undefined);
    expect(result.error).to.include({
      type: 'validation_error',
      code: 'card_brand_not_accepted',
      param: 'card[number]',
    });
    expect(await tokenRequests()).to.deep.equal([]);
  });

  it('accepts the brands it lists', async () => {
    const card = await mountWith<TokenframeCard>('tokenframe-card', 'brands-accepted', { brands: ['visa', 'amex'] });
    await fillCard('brands-accepted', '378282246310005', `12${nextYear}`, '1234');
    expect(await shownErrors('brands-accepted')).to.deep.equal([]);
    expect((await card.tokenize()).token!.card).to.include({ brand: 'American Express' });
  });

  it('speaks the customer’s language', async () => {
    await mountWith('tokenframe-card', 'brands-fr', { brands: ['visa'] }, { locale: 'fr' });
    await type('brands-fr', 'Numéro de carte', '5555');
    expect(await shownErrors('brands-fr')).to.deep.equal(["La marque de votre carte n'est pas acceptée."]);
  });
});

describe('the postal code', () => {
  it('is prefilled from the postalCode option, formatted, and goes into the token', async () => {
    const card = await mountWith<TokenframeCard>('tokenframe-card', 'zip-prefill', {
      value: { postalCode: 'sw1a1aa' },
    });
    expect((await frameInput('zip-prefill', 'Postal code')).value).to.equal('SW1A 1AA');
    await type('zip-prefill', 'Card number', '4242424242424242');
    await type('zip-prefill', 'Expiration', `12${nextYear}`);
    await type('zip-prefill', 'CVC', '123');
    expect((await card.tokenize()).token!.card).to.include({ address_zip: 'SW1A 1AA' });
  });

  it('is formatted as typed for US ZIP+4, Canada and the UK, and taken as typed elsewhere', async () => {
    await mountWith('tokenframe-card', 'zip-typed');
    const typed: [string, string][] = [
      ['941071234', '94107-1234'],
      ['k1a0b1', 'K1A 0B1'],
      ['ec1a1bb', 'EC1A 1BB'],
      ['1012 ab', '1012 AB'],
    ];
    for (const [zip, shown] of typed) {
      await clear('zip-typed', 'Postal code');
      await type('zip-typed', 'Postal code', zip);
      expect((await frameInput('zip-typed', 'Postal code')).value, zip).to.equal(shown);
    }
    await clear('zip-typed', 'Postal code');
    await type('zip-typed', 'Postal code', '12');
    await press('zip-typed', 'Postal code', 'Tab');
    expect(await shownErrors('zip-typed')).to.deep.equal(['Your postal code is incomplete.']);
  });
});

describe('readonly and disabled', () => {
  const labels = ['Card number', 'Expiration', 'CVC', 'Postal code'];

  it('readonly: every field shows its value and refuses edits', async () => {
    await mountWith('tokenframe-card', 'card-readonly', { readOnly: true, value: { postalCode: '94107' } });
    for (const label of labels) {
      await type('card-readonly', label, '4');
      expect(await caret('card-readonly', label), label).to.include({ readonly: true });
      expect((await frameInput('card-readonly', label)).disabled, label).to.equal(false);
    }
    expect((await frameInput('card-readonly', 'Card number')).value).to.equal('');
    expect((await frameInput('card-readonly', 'Postal code')).value).to.equal('94107');
  });

  it('disabled: every field is disabled', async () => {
    await mountWith('tokenframe-card', 'card-disabled', { disabled: true });
    for (const label of labels) expect((await frameInput('card-disabled', label)).disabled, label).to.equal(true);
  });
});
