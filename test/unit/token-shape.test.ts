import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardMetadata } from '../../src/server/card-metadata';
import { buildCardToken, type CardHolderDetails } from '../../src/server/tokens/card';
import { cardHolderFields } from '../../src/validation/card';
import { validateCardParams } from '../../src/validation/card';

const noHolder = Object.fromEntries(cardHolderFields.map((name) => [name, null])) as CardHolderDetails;

function tokenFor(number: string, cvc: string | undefined, holder: CardHolderDetails = noHolder, livemode = false) {
  const result = validateCardParams({ number, exp_month: '5', exp_year: '2040', cvc });
  assert.ok(result.ok);
  return buildCardToken({
    id: 'tok_test',
    cardId: 'card_test',
    card: result.card,
    holder,
    fingerprint: 'abcdefghijklmnop',
    metadata: cardMetadata(result.card.number),
    clientIp: '127.0.0.1',
    created: 1683071568,
    livemode,
  });
}

describe('buildCardToken', () => {
  it('matches the Stripe card token field for field', () => {
    assert.deepEqual(tokenFor('4242424242424242', '314'), {
      id: 'tok_test',
      object: 'token',
      card: {
        id: 'card_test',
        object: 'card',
        address_city: null,
        address_country: null,
        address_line1: null,
        address_line1_check: null,
        address_line2: null,
        address_state: null,
        address_zip: null,
        address_zip_check: null,
        brand: 'Visa',
        country: 'US',
        cvc_check: 'unchecked',
        dynamic_last4: null,
        exp_month: 5,
        exp_year: 2040,
        fingerprint: 'abcdefghijklmnop',
        funding: 'credit',
        last4: '4242',
        metadata: {},
        name: null,
        regulated_status: 'unregulated',
        tokenization_method: null,
        wallet: null,
      },
      client_ip: '127.0.0.1',
      created: 1683071568,
      livemode: false,
      type: 'card',
      used: false,
    });
  });

  it('echoes holder details and marks given address parts unchecked', () => {
    const token = tokenFor('4000056655665556', undefined, {
      ...noHolder,
      name: 'Jenny Rosen',
      address_line1: '1 Main St',
      address_zip: '94107',
    });
    assert.equal(token.card.name, 'Jenny Rosen');
    assert.equal(token.card.address_line1_check, 'unchecked');
    assert.equal(token.card.address_zip_check, 'unchecked');
    assert.equal(token.card.cvc_check, null);
    assert.equal(token.card.funding, 'debit');
  });

  it('leaves no full number or CVC in the object', () => {
    const json = JSON.stringify(tokenFor('378282246310005', '7391'));
    assert.doesNotMatch(json, /378282246310005/);
    assert.doesNotMatch(json, /7391/);
  });

  it("carries every field Stripe's OpenAPI spec marks as always present on a card", () => {
    // components.schemas.card.required in github.com/stripe/openapi (spec3.json).
    const required = [
      'address_city',
      'address_country',
      'address_line1',
      'address_line1_check',
      'address_line2',
      'address_state',
      'address_zip',
      'address_zip_check',
      'brand',
      'country',
      'cvc_check',
      'dynamic_last4',
      'exp_month',
      'exp_year',
      'funding',
      'id',
      'last4',
      'metadata',
      'name',
      'object',
      'regulated_status',
      'tokenization_method',
    ];
    const card = tokenFor('5555555555554444', '123').card as unknown as Record<string, unknown>;
    for (const name of required) assert.ok(Object.hasOwn(card, name), `card.${name} is missing`);
  });

  it('says livemode for a live token, and regulated_status null for a card it knows nothing about', () => {
    // Luhn-valid, and not one of Stripe's test cards.
    const token = tokenFor('4556737586899855', '123', noHolder, true);
    assert.equal(token.livemode, true);
    assert.equal(token.card.regulated_status, null);
  });
});
