import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TokenframeCard } from '../../src/host/index';
import type { FontSource, StripeStyle } from '../../src/protocol/messages';
import { mountReady, recordRequests } from './helpers';

type Fonts = { faces: { family: string; status: string }[]; ready: boolean };

/** Mounts a card, then gives it `style` and `fonts` with `update()`, collecting the host's console warnings. */
async function cardWith(id: string, extra: { style?: StripeStyle; fonts?: FontSource[] }) {
  const card = await mountReady<TokenframeCard>('tokenframe-card', id);
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  card.update({ ...extra, appearance: { theme: 'stripe' } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { card, warnings, restore: () => (console.warn = warn) };
}

async function frameFonts(id: string, font: string): Promise<Fonts> {
  const fonts = (await executeServerCommand<Fonts, object>('frame-fonts', { selector: `#${id}`, font }))!;
  // FontFace.family reads back quoted for a name with spaces.
  return { ...fonts, faces: fonts.faces.map((face) => ({ ...face, family: face.family.replace(/"/g, '') })) };
}

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The development account lets its frames load fonts from the pages that embed them: this page's origin. */
const allowedFont = `${location.origin}/test/browser/fixtures/open-sans-regular.woff2`;
/** The same file on another origin (127.0.0.1 is not localhost), which the key does not allow. */
const otherOrigin = `http://127.0.0.1:${location.port}`;

describe('fonts', () => {
  it('a face from an allowed origin loads inside the frame and the style’s fontFamily uses it', async () => {
    const { warnings, restore } = await cardWith('font-allowed', {
      fonts: [{ family: 'TF Face Sans', src: `url(${allowedFont}) format('woff2')`, weight: '400', display: 'swap' }],
      style: { base: { fontFamily: '"TF Face Sans", monospace', fontSize: '17px' } },
    });
    try {
      const fonts = await eventually(
        () => frameFonts('font-allowed', '17px "TF Face Sans"'),
        (value) => value.faces.some((face) => face.family === 'TF Face Sans' && face.status === 'loaded'),
      );
      expect(fonts.faces).to.deep.include({ family: 'TF Face Sans', status: 'loaded' });
      expect(fonts.ready).to.equal(true);
      const input = await executeServerCommand<Record<string, string>, object>('frame-style', {
        selector: '#font-allowed',
        css: '.Input',
        properties: ['font-family', 'font-size'],
      });
      expect(input).to.deep.equal({ 'font-family': '"TF Face Sans", monospace', 'font-size': '17px' });
      expect(warnings).to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('a cssSrc stylesheet from an allowed origin brings its faces into the frame', async () => {
    const { warnings, restore } = await cardWith('font-sheet', {
      fonts: [{ cssSrc: `${location.origin}/test/browser/fixtures/fonts.css` }],
      style: { base: { fontFamily: '"TF Sheet Sans", monospace' } },
    });
    try {
      const fonts = await eventually(
        () => frameFonts('font-sheet', '16px "TF Sheet Sans"'),
        (value) => value.faces.some((face) => face.family === 'TF Sheet Sans' && face.status === 'loaded'),
      );
      expect(fonts.ready).to.equal(true);
      expect(warnings).to.deep.equal([]);
    } finally {
      restore();
    }
  });

  it('a font from another origin is refused with a console warning on the host, before any request', async () => {
    await recordRequests();
    const refusedFace = `${otherOrigin}/test/browser/fixtures/open-sans-regular.woff2?face`;
    const refusedSheet = `${otherOrigin}/test/browser/fixtures/fonts.css?sheet`;
    const { warnings, restore } = await cardWith('font-refused', {
      fonts: [
        { family: 'TF Other Sans', src: `url(${allowedFont}), url(${refusedFace}) format('woff2')` },
        { cssSrc: refusedSheet },
        { family: 'TF Data Sans', src: 'url(data:font/woff2;base64,AAAA)' },
        { family: 'TF Odd Sans', src: `url(${allowedFont}) format('woff2'); font-display: block` },
      ],
      style: { base: { fontFamily: '"TF Other Sans", monospace' } },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(warnings).to.deep.equal([
        `tokenframe: fonts[0].src: ${otherOrigin} is not a font origin allowed for this key (tokenframe keys fonts add)`,
        `tokenframe: fonts[1].cssSrc: ${otherOrigin} is not a font origin allowed for this key (tokenframe keys fonts add)`,
        // A data: URL names no origin: the strict src syntax refuses it.
        'tokenframe: fonts[2] needs a family and a src of url(https://…) with an optional format(…)',
        'tokenframe: fonts[3] needs a family and a src of url(https://…) with an optional format(…)',
      ]);
      const fonts = await frameFonts('font-refused', '16px "TF Other Sans"');
      expect(fonts.faces.map((face) => face.family)).to.not.include.members(['TF Other Sans', 'TF Data Sans']);
      const requests = (await executeServerCommand<{ url: string }[], undefined>('recorded-requests')) ?? [];
      expect(
        requests.filter((request) => request.url.includes('?face') || request.url.includes('?sheet')),
      ).to.deep.equal([]);
    } finally {
      restore();
    }
  });
});
