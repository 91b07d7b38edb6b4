import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCard } from '../../src/host/index';

/**
 * A merchant page that pins the loader as the README says: the versioned URL
 * from the service's /v1/loader.json, with its `integrity` and
 * `crossorigin="anonymous"`. The page (on localhost) and the service (on
 * 127.0.0.1) are two real loopback servers on different origins. This file
 * imports no host code of its own: the elements come from the pinned script
 * or not at all.
 */
const env = (await executeServerCommand<{ url: string; publishableKey: string }, undefined>('service-env'))!;
const manifest = (await (await fetch(`${env.url}/v1/loader.json`)).json()) as {
  version: string;
  url: string;
  integrity: string;
};
const pinnedUrl = new URL(manifest.url, env.url).href;

/** Adds `<script src integrity crossorigin>` to the page; resolves with whether the browser ran it. */
function includeScript(src: string, integrity: string): Promise<'load' | 'error'> {
  const script = Object.assign(document.createElement('script'), { src, integrity, crossOrigin: 'anonymous' });
  return new Promise((resolve) => {
    script.onload = () => resolve('load');
    script.onerror = () => resolve('error');
    document.head.append(script);
  });
}

const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');
const type = (label: string, text: string) => executeServerCommand('frame-type', { selector: '#pinned', label, text });

describe('a page that pins the versioned loader with Subresource Integrity', () => {
  it('is refused by the browser when the integrity value is wrong: the elements never define', async () => {
    // A well-formed SHA-384 value of other bytes; a malformed one would be ignored, not enforced.
    expect(await includeScript(pinnedUrl, `sha384-${'A'.repeat(64)}`)).to.equal('error');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(customElements.get('tokenframe-card')).to.equal(undefined);
  });

  it('runs with the published integrity, finds the service from its own URL, and gives a token', async () => {
    expect(manifest.url).to.match(new RegExp(`^/v1/loader/tokenframe-${manifest.version.replace(/\./g, '\\.')}-`));
    expect(await includeScript(pinnedUrl, manifest.integrity)).to.equal('load');
    expect(customElements.get('tokenframe-card')).not.to.equal(undefined);

    // No `origin` attribute: the loader takes the service's origin from the script it was loaded by.
    const card = Object.assign(document.createElement('tokenframe-card'), { id: 'pinned' }) as TokenframeCard;
    card.setAttribute('key', env.publishableKey);
    const ready = oneEvent(card, 'ready');
    document.body.append(card);
    await ready;
    expect(new URL(card.shadowRoot!.querySelector('iframe')!.src).origin).to.equal(env.url);

    await type('Card number', '4242424242424242');
    await type('Expiration', `12${nextYear}`);
    await type('CVC', '123');
    await type('Postal code', '94107');
    const result = await card.tokenize();
    expect(result.error).to.equal(undefined);
    expect(result.token!.id).to.match(/^tok_/);
    expect(result.token!.card).to.include({ brand: 'Visa', last4: '4242' });
    card.remove();
  });
});
