import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  boundFormatPrefix,
  decrypt,
  encrypt,
  fingerprint,
  hashApiKey,
  isBound,
  openSecret,
  SealedValueError,
} from '../../src/server/crypto';
import { bytesToBase62, newId } from '../../src/server/ids';

const key = randomBytes(32);

const at = { table: 'tokens', id: 'tok_1', accountId: 'acct_a', livemode: false };

describe('encrypt / decrypt', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = encrypt('4242424242424242', key, 'key_1', at);
    assert.equal(sealed.keyId, 'key_1');
    assert.doesNotMatch(JSON.stringify(sealed), /4242424242424242/);
    assert.equal(decrypt(sealed, key, at), '4242424242424242');
  });

  it('uses a fresh IV each time', () => {
    assert.notEqual(encrypt('same', key, 'k', at).data, encrypt('same', key, 'k', at).data);
  });

  it('rejects tampered ciphertext, tag, key id or a wrong key', () => {
    const sealed = encrypt('4242424242424242', key, 'key_1', at);
    const data = Buffer.from(sealed.data.slice(boundFormatPrefix.length), 'base64');
    data[0] ^= 1;
    assert.throws(() => decrypt({ ...sealed, data: boundFormatPrefix + data.toString('base64') }, key, at));
    const tag = Buffer.from(sealed.tag, 'base64');
    tag[0] ^= 1;
    assert.throws(() => decrypt({ ...sealed, tag: tag.toString('base64') }, key, at));
    assert.throws(() => decrypt({ ...sealed, keyId: 'key_2' }, key, at));
    assert.throws(() => decrypt(sealed, randomBytes(32), at));
  });

  it('opens a value only in the row, table, account and mode it was sealed for', () => {
    const sealed = encrypt('4242424242424242', key, 'key_1', at);
    for (const elsewhere of [
      { ...at, id: 'tok_2' },
      { ...at, table: 'sources' },
      { ...at, accountId: 'acct_b' },
      { ...at, livemode: true },
    ]) {
      assert.throws(
        () => decrypt(sealed, key, elsewhere),
        (error: Error) =>
          error instanceof SealedValueError &&
          error.message ===
            `The encrypted value of ${elsewhere.table} ${elsewhere.id} cannot be opened: ` +
              'it was altered or copied from another row, or its key is wrong.',
      );
    }
    // Stripping the format marker does not turn it into a value that binds nothing.
    assert.throws(() => decrypt({ ...sealed, data: sealed.data.slice(boundFormatPrefix.length) }, key, at));
  });

  it('still opens a value sealed before values were bound to their rows', () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from('key_1', 'utf8'));
    const data = Buffer.concat([cipher.update('{"number":"4242424242424242"}', 'utf8'), cipher.final()]);
    const old = {
      keyId: 'key_1',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    assert.equal(isBound(old), false);
    assert.deepEqual(openSecret(old, new Map([['key_1', key]]), at), { number: '4242424242424242' });
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

  it('stays what it was, so cards stored before match cards sent now', () => {
    const fixedKey = Buffer.alloc(32, 7);
    assert.equal(fingerprint(fixedKey, 'acct_golden', '4242424242424242'), '0HsoBWM9K2pgEN3n');
    assert.equal(fingerprint(fixedKey, 'acct_golden', '5555555555554444'), '04vWgM2iKejnQ4pY');
  });
});

describe('ids and key hashes', () => {
  it('makes prefixed base62 ids', () => {
    assert.match(newId('tok'), /^tok_[0-9A-Za-z]{24}$/);
    assert.notEqual(newId('tok'), newId('tok'));
  });

  it('writes bytes in base62 as the big-endian number they are, to a fixed width', () => {
    const asBigInt = (bytes: Buffer, width: number) => {
      let value = BigInt(`0x${bytes.toString('hex') || '0'}`);
      let out = '';
      for (; value > 0n; value /= 62n)
        out = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[Number(value % 62n)] + out;
      return out.padStart(width, '0').slice(-width);
    };
    assert.equal(bytesToBase62(Buffer.from([0, 0, 1, 2, 255]), 16), '0000000000000HFP');
    assert.equal(bytesToBase62(Buffer.alloc(11, 255), 10), 'xAVrGN2P67');
    for (let size = 0; size <= 16; size++) {
      for (let round = 0; round < 50; round++) {
        const bytes = randomBytes(size);
        if (round % 5 === 0) bytes.fill(0, 0, Math.min(size, round % 3));
        assert.equal(bytesToBase62(bytes, 16), asBigInt(bytes, 16), bytes.toString('hex'));
      }
    }
  });

  it('hashes API keys to hex SHA-256', () => {
    assert.match(hashApiKey('sk_test_abc'), /^[0-9a-f]{64}$/);
  });
});
