import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StripeError } from '../../src/server/errors';
import { parseFormBody } from '../../src/server/form-body';

describe('parseFormBody', () => {
  it('reads Stripe bracket syntax', () => {
    assert.deepEqual(parseFormBody('card[number]=4242424242424242&card[exp_month]=12&expand[]=card'), {
      card: { number: '4242424242424242', exp_month: '12' },
      expand: ['card'],
    });
  });

  it('decodes percent-encoding and plus signs', () => {
    assert.deepEqual(parseFormBody('card%5Bname%5D=Jenny+Rosen%20Jr'), { card: { name: 'Jenny Rosen Jr' } });
  });

  it('refuses bodies nested too deep', () => {
    assert.throws(() => parseFormBody('a[b][c][d][e][f][g][h]=1'), StripeError);
  });

  it('refuses too many parameters', () => {
    const body = Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&');
    assert.throws(() => parseFormBody(body), StripeError);
  });

  it('refuses over-long arrays', () => {
    const body = Array.from({ length: 150 }, () => 'a[]=1').join('&');
    assert.throws(() => parseFormBody(body), StripeError);
  });

  it('refuses prototype names as unknown parameters, so nothing reaches the object prototype', () => {
    const refused = {
      '__proto__[polluted]=yes': '__proto__',
      'constructor[prototype][x]=1': 'constructor',
      'card[hasOwnProperty]=1': 'card[hasOwnProperty]',
      'card%5Bname%5D%5BtoString%5D=1': 'card[name][toString]',
      'card[%68asOwnProperty]=1': 'card[hasOwnProperty]',
      'card[number]=%E2&card[valueOf]=1': 'card[valueOf]',
    };
    for (const [body, param] of Object.entries(refused)) {
      assert.throws(
        () => parseFormBody(body),
        (error: StripeError) => error.code === 'parameter_unknown' && error.param === param,
      );
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(parseFormBody('card[name]=Jenny')), Object.prototype);
  });
});
