/**
 * Stripe's `fonts` option inside the frame. A font is a request the merchant
 * page makes the frame send, so it goes only to the font origins the operator
 * allowed for the key (`tokenframe keys fonts add`): anything else is refused
 * with a warning before any request, and the frame's CSP (`font-src`,
 * `style-src`) is the second wall.
 */

import type { FontSource } from '../protocol/messages';

/** Entries already loaded or refused, so an `update` repeating them neither loads nor warns twice. */
const seen = new Set<string>();

/** One `url(…)` with an optional `format(…)`; a face's `src` is one or more, comma-separated, and nothing else. */
const source = /^\s*url\(\s*(['"]?)([^'"()\s\\]+)\1\s*\)(\s*format\(\s*(['"]?)[\w-]+\4\s*\))?\s*$/;
/** A family name to declare, and descriptor values (weight, style, display, unicode range): no quotes or parentheses. */
const familyName = /^[\w -]{1,64}$/;
const descriptor = /^[\w\s,+?%.-]{1,100}$/;

/** The URL's origin when the operator allowed it, else a warning naming it (or the entry, when it is no URL). */
function allowed(url: string, origins: string[], where: string): string | URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${where} is not an absolute URL`;
  }
  return origins.includes(parsed.origin)
    ? parsed
    : `${where}: ${parsed.origin} is not a font origin allowed for this key (tokenframe keys fonts add)`;
}

/**
 * Loads each entry of `fonts` whose every URL is on an allowed origin: `{cssSrc}` as a stylesheet, `{family,
 * src, …}` through the FontFace API. Calls `warn` for each refused entry, and for each that fails to load.
 * The protocol has checked the shape already: an array of objects of strings.
 */
export function loadFonts(fonts: FontSource[], origins: string[], warn: (message: string) => void): void {
  fonts.forEach((font, index) => {
    const key = JSON.stringify(font);
    if (seen.has(key)) return;
    seen.add(key);
    const where = `fonts[${index}]`;
    const { cssSrc, family, src, ...descriptors } = font;
    if (cssSrc !== undefined) {
      const url = allowed(cssSrc, origins, `${where}.cssSrc`);
      if (typeof url === 'string') return warn(url);
      const link = document.head.appendChild(document.createElement('link'));
      link.rel = 'stylesheet';
      link.onerror = () => warn(`${where}.cssSrc did not load`);
      link.href = url.href;
      return;
    }
    const urls = `${src}`.split(',').map((part) => source.exec(part)?.[2]);
    if (!familyName.test(family ?? '') || urls.includes(undefined))
      return warn(`${where} needs a family and a src of url(https://…) with an optional format(…)`);
    for (const url of urls) {
      const checked = allowed(url!, origins, `${where}.src`);
      if (typeof checked === 'string') return warn(checked);
    }
    if (!Object.values(descriptors).every((value) => descriptor.test(value)))
      return warn(`${where} has a descriptor that is not allowed`);
    try {
      const face = new FontFace(family, src, descriptors);
      document.fonts.add(face);
      face.load().catch(() => warn(`${where} did not load`));
    } catch {
      warn(`${where} has a descriptor that is not allowed`);
    }
  });
}
