import { fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/host/index';
import type { TokenframeElement } from '../../src/host/index';

/** Where the web-test-runner config started the test service, and its publishable key. */
export const env = (await executeServerCommand<{ url: string; publishableKey: string }, undefined>('service-env'))!;

export const nextYear = String((new Date().getFullYear() + 1) % 100).padStart(2, '0');

/** Mounts `<tag id=… origin=… key=… …attributes>` and waits for its `ready` event. */
export async function mountReady<T extends TokenframeElement>(
  tag: string,
  id: string,
  attributes: Record<string, string> = {},
): Promise<T> {
  const element = document.createElement(tag) as T;
  element.id = id;
  element.setAttribute('origin', env.url);
  element.setAttribute('key', env.publishableKey);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const ready = oneEvent(element, 'ready');
  await fixture(html`<div>${element}</div>`);
  await ready;
  return element;
}

/** Types into the field labelled `label` inside the frame of `#id`, key by key, as a customer would. */
export function type(id: string, label: string, text: string) {
  return executeServerCommand('frame-type', { selector: `#${id}`, label, text });
}

/** Types a whole card (number, expiry next year, CVC, postal code) into the card frame of `#id`. */
export async function fillCard(
  id: string,
  number = '4242424242424242',
  expiry = `12${nextYear}`,
  cvc = '123',
  zip = '94107',
) {
  await type(id, 'Card number', number);
  await type(id, 'Expiration', expiry);
  await type(id, 'CVC', cvc);
  await type(id, 'Postal code', zip);
}

export function press(id: string, label: string, key: string) {
  return executeServerCommand('frame-press', { selector: `#${id}`, label, key });
}

export function click(id: string, name: string) {
  return executeServerCommand('frame-click', { selector: `#${id}`, name });
}

/** The error messages the frame of `#id` shows right now. */
export async function shownErrors(id: string): Promise<string[]> {
  return (await executeServerCommand<string[], { selector: string }>('frame-errors', { selector: `#${id}` })) ?? [];
}

export async function frameTexts(id: string, css: string): Promise<string[]> {
  return (
    (await executeServerCommand<string[], { selector: string; css: string }>('frame-texts', {
      selector: `#${id}`,
      css,
    })) ?? []
  );
}

export async function frameInput(id: string, label: string) {
  return (await executeServerCommand<
    { value: string; type: string | null; maxlength: string | null; disabled: boolean; placeholder: string | null },
    object
  >('frame-input', { selector: `#${id}`, label }))!;
}

/** Starts recording every request the page and its frames make. */
export function recordRequests() {
  return executeServerCommand('record-requests');
}

export async function tokenRequests(): Promise<{ method: string; url: string }[]> {
  const all = (await executeServerCommand<{ method: string; url: string }[], undefined>('recorded-requests')) ?? [];
  return all.filter((request) => request.url.includes('/v1/tokens'));
}

/** Resolves with the first `change` whose detail carries an error. */
export function nextChangeError(element: HTMLElement): Promise<{ code: string; message: string }> {
  return new Promise((resolve) =>
    element.addEventListener('change', (event) => {
      const { error } = (event as CustomEvent).detail;
      if (error) resolve(error);
    }),
  );
}
