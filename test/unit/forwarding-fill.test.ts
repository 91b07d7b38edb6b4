import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillBody } from '../../src/server/forwarding/fill';
import { isPrivateAddress } from '../../src/server/forwarding/outbound';
import { maskCardNumber, redactedValues, redactHeaders } from '../../src/server/forwarding/redact';

describe('fillBody', () => {
  const json = [
    { field: 'card_number' as const, target: '/payment/card/number' },
    { field: 'card_cvc' as const, target: '/payment/card/cvc' },
    { field: 'cardholder_name' as const, target: '/a~1b' },
  ];

  it('writes JSON by pointer, creating missing objects and keeping what is there', () => {
    const filled = fillBody('{"amount":5,"payment":{"type":"card"}}', json, { card_number: '4242', card_cvc: '1' });
    assert.deepEqual(JSON.parse(filled), { amount: 5, payment: { type: 'card', card: { number: '4242', cvc: '1' } } });
    assert.deepEqual(JSON.parse(fillBody('', json, { cardholder_name: 'Ada' })), { 'a/b': 'Ada' });
  });

  it('refuses a body it cannot fill, without echoing it', () => {
    for (const body of ['not json', '[1]', '{"payment":"card"}']) {
      assert.throws(
        () => fillBody(body, json, { card_number: '4242' }),
        (error: Error) => !error.message.includes(body),
      );
    }
    assert.throws(() => fillBody('{}', [{ field: 'card_number', target: '/__proto__/x' }], { card_number: '1' }));
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('writes form bodies by field name', () => {
    const form = [{ field: 'card_number' as const, target: 'card[number]' }];
    assert.equal(fillBody('amount=5', form, { card_number: '4242' }), 'amount=5&card%5Bnumber%5D=4242');
  });
});

describe('redaction', () => {
  it('masks the number to the first six and last four, the CVC to ***', () => {
    assert.equal(maskCardNumber('4000056655665556'), '400005******5556');
    assert.deepEqual(redactedValues({ card_number: '378282246310005', card_cvc: '1234', card_exp_month: '3' }), {
      card_number: '378282*****0005',
      card_cvc: '***',
      card_exp_month: '3',
    });
  });

  it('replaces the values of credential headers, and only theirs', () => {
    assert.deepEqual(
      redactHeaders([
        ['Authorization', 'Bearer x'],
        ['X-Api-Key', 'k'],
        ['Idempotency-Key', 'order-1'],
        ['Accept', 'application/json'],
      ]).map(({ value }) => value),
      ['[redacted]', '[redacted]', 'order-1', 'application/json'],
    );
  });
});

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local and metadata addresses, in IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });
});
