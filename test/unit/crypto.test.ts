import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decrypt, encrypt, fingerprint, hashApiKey } from '../../src/server/crypto';
import { newId } from '../../src/server/ids';

const key = randomBytes(32);

describe('encrypt / decrypt', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = encrypt('4242424242424242', key, 'key_1');
    assert.equal(sealed.keyId, 'key_1');
    assert.doesNotMatch(JSON.stringify(sealed), /4242424242424242/);
    assert.equal(decrypt(sealed, key), '4242424242424242');
  });

  it('uses a fresh IV each time', () => {
    assert.notEqual(encrypt('same', key, 'k').data, encrypt('same', key, 'k').data);
  });

  it('rejects tampered ciphertext, tag, key id or a wrong key', () => {
    const sealed = encrypt('4242424242424242', key, 'key_1');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    assert.throws(() => decrypt({ ...sealed, data: data.toString('base64') }, key));
    const tag = Buffer.from(sealed.tag, 'base64');
    tag[0] ^= 1;
    assert.throws(() => decrypt({ ...sealed, tag: tag.toString('base64') }, key));
    assert.throws(() => decrypt({ ...sealed, keyId: 'key_2' }, key));
    assert.throws(() => decrypt(sealed, randomBytes(32)));
  });
});

describe('fingerprint', () => {
  const hmacKey = randomBytes(32);

  it('is stable for the same card and account', () => {
    const first = fingerprint(hmacKey, 'acct_a', '4242424242424242');
    assert.equal(first, fingerprint(hmacKey, 'acct_a', '4242424242424242'));
    assert.match(first, /^[0-9A-Za-z]{16}$/);
  });

  it('differs across accounts, cards and keys', () => {
    const base = fingerprint(hmacKey, 'acct_a', '4242424242424242');
    assert.notEqual(base, fingerprint(hmacKey, 'acct_b', '4242424242424242'));
    assert.notEqual(base, fingerprint(hmacKey, 'acct_a', '5555555555554444'));
    assert.notEqual(base, fingerprint(randomBytes(32), 'acct_a', '4242424242424242'));
  });
});

describe('ids and key hashes', () => {
  it('makes prefixed base62 ids', () => {
    assert.match(newId('tok'), /^tok_[0-9A-Za-z]{24}$/);
    assert.notEqual(newId('tok'), newId('tok'));
  });

  it('hashes API keys to hex SHA-256', () => {
    assert.match(hashApiKey('sk_test_abc'), /^[0-9a-f]{64}$/);
  });
});
