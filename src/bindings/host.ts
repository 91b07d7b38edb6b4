import type * as Host from '../host/index';

let host: Promise<typeof Host> | undefined;

/**
 * The elements' module (`tokenframe`), loaded on first use. It defines the
 * custom elements and reads the page as it loads, so importing it on a
 * server fails: `tokenframe/react` and `tokenframe/vue` import it only here,
 * and so load (and render, as plain tags) in server-side rendering too. In a
 * browser they start loading it as soon as they are imported.
 */
export function loadHost(): Promise<typeof Host> {
  return (host ??= import('../host/index'));
}

if (typeof window !== 'undefined') void loadHost();
