import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appearanceCss } from '../../src/frame/appearance';
import { stripeStyleCss } from '../../src/frame/stripe-style';

/** Everything a refused entry must never reach: the generated CSS. */
function assertNothingUnsafe(css: string) {
  for (const token of ['url(', 'image-set(', '@import', 'expression(', '\\', '[', 'attr(', '/*', 'content', '}}}'])
    assert.ok(!css.includes(token), `generated CSS contains ${token}: ${css}`);
}

describe('appearanceCss: what it applies', () => {
  it('the default look is no change at all, and nothing is refused', () => {
    assert.deepEqual(appearanceCss(undefined), { css: '', refused: [] });
    assert.deepEqual(appearanceCss({ theme: 'default' }), { css: '', refused: [] });
  });

  it('Stripe’s theme names: stripe is the default look, night and flat are ours too', () => {
    assert.deepEqual(appearanceCss({ theme: 'stripe' }), { css: '', refused: [] });
    assert.deepEqual(appearanceCss({ theme: 'night' }).refused, []);
    assert.deepEqual(appearanceCss({ theme: 'flat' }).refused, []);
  });

  it('night and flat set the frame’s custom properties; auto switches to night only in dark mode', () => {
    assert.match(appearanceCss({ theme: 'night' }).css, /^:host\{.*--tf-input-background:#30313d;/);
    assert.match(appearanceCss({ theme: 'flat' }).css, /--tf-border-color:transparent;/);
    const auto = appearanceCss({ theme: 'auto' });
    assert.match(auto.css, /^@media \(prefers-color-scheme: dark\)\{:host\{.*--tf-input-background:#30313d;/);
    assert.deepEqual(auto.refused, []);
  });

  it('maps documented variables onto the frame’s custom properties, after the theme so they win', () => {
    const { css, refused } = appearanceCss({
      theme: 'night',
      variables: {
        colorPrimary: 'rgb(0, 120, 80)',
        colorText: '#111',
        fontFamily: '"Inter", system-ui, sans-serif',
        fontSizeBase: '18px',
        borderRadius: '0',
        focusBoxShadow: '0 0 0 3px rgba(0, 120, 80, 0.4)',
      },
    });
    assert.deepEqual(refused, []);
    assert.ok(css.indexOf('--tf-focus-color:rgb(0, 120, 80)') > css.indexOf('--tf-focus-color:#0085ff'));
    assert.match(css, /--tf-text-color:#111;--tf-label-color:#111;/);
    assert.match(css, /--tf-font-family:"Inter", system-ui, sans-serif;/);
    assert.match(css, /--tf-font-size:18px;/);
    assert.match(css, /--tf-focus-box-shadow:0 0 0 3px rgba\(0, 120, 80, 0.4\);/);
  });

  it('writes rules for documented selectors, in camelCase or kebab-case', () => {
    const { css, refused } = appearanceCss({
      rules: {
        '.Input': { borderColor: '#ccc', 'padding-left': 'calc(var(--tf-spacing) * 4)' },
        '.Input--invalid': { color: 'var(--tf-danger-color)' },
        '.Tab--selected': { textDecoration: 'none', fontWeight: '600' },
      },
    });
    assert.deepEqual(refused, []);
    assert.match(css, /\.Input\{border-color:#ccc;padding-left:calc\(var\(--tf-spacing\) \* 4\);\}/);
    assert.match(css, /\.Input--invalid\{color:var\(--tf-danger-color\);\}/);
    assert.match(css, /\.Tab--selected\{text-decoration:none;font-weight:600;\}/);
  });

  it('asks the browser as well, when it can', () => {
    const { css, refused } = appearanceCss(
      { variables: { colorPrimary: 'notacolor' }, rules: { '.Label': { color: 'blue', fontSize: 'huge' } } },
      (_property, value) => !(value === 'notacolor' || value === 'huge'),
    );
    assert.equal(refused.length, 2);
    assert.ok(!css.includes('notacolor') && !css.includes('huge'));
    assert.match(css, /\.Label\{color:blue;\}/);
  });
});

describe('appearanceCss: what it refuses', () => {
  const attacks: Array<[string, unknown]> = [
    ['url() in a rule', { rules: { '.Input': { backgroundColor: 'url(https://evil.example/x)' } } }],
    ['url() in a variable', { variables: { colorBackground: 'url(https://evil.example/x)' } }],
    ['image-set()', { rules: { '.Input': { boxShadow: 'image-set("https://evil.example/x" 1x)' } } }],
    ['a unicode-escaped url', { rules: { '.Input': { color: '\\75rl(https://evil.example/x)' } } }],
    ['a closing brace', { rules: { '.Input': { color: 'red}input[value^="4"]{color:blue' } } }],
    ['a semicolon', { rules: { '.Input': { color: 'red;background-image:url(x)' } } }],
    ['@import', { rules: { '.Input': { color: '@import "https://evil.example/x.css"' } } }],
    ['a comment', { rules: { '.Input': { color: 'red/*' } } }],
    ['an HTML tag', { rules: { '.Input': { color: '</style><script>' } } }],
    ['expression()', { rules: { '.Input': { color: 'expression(alert(1))' } } }],
    ['attr()', { rules: { '.Input': { padding: 'attr(value px)' } } }],
    ['var() to a foreign name', { rules: { '.Input': { color: 'var(--merchant-secret)' } } }],
    ['quotes outside a font family', { rules: { '.Input': { color: '"red"' } } }],
    ['!important', { rules: { '.Input': { color: 'red !important' } } }],
    ['a value that is not a string', { rules: { '.Input': { color: { toString: 'red' } } } }],
    ['non-ASCII look-alikes', { rules: { '.Input': { color: 'ｕｒｌ(x)' } } }],
    ['an over-long value', { variables: { fontFamily: 'a'.repeat(500) } }],
    ['a quote inside a font family', { variables: { fontFamily: `"Inter", 'x" y'` } }],
    // Finding 5: a refused function inside an allowed one, or after it, at any depth.
    ['url() inside calc()', { rules: { '.Input': { padding: 'calc(url(//h/x))' } } }],
    ['url() as the fallback of var()', { rules: { '.Input': { color: 'var(--tf-x,url(//h/x))' } } }],
    ['image-set() right after rgb()', { rules: { '.Input': { boxShadow: 'rgb(0,0,0)image-set(//e/x)' } } }],
    ['attr() inside calc()', { rules: { '.Input': { padding: 'calc(attr(value))' } } }],
    ['attr() as the fallback of var()', { rules: { '.Input': { padding: 'var(--tf-x,attr(maxlength px))' } } }],
    ['url() three levels down', { rules: { '.Input': { padding: 'max(1px, calc(min(2px, url(//h/x))))' } } }],
    ['image() in a shadow variable', { variables: { focusBoxShadow: '0 0 0 1px image(//h/x)' } }],
    ['element() inside color-mix()', { rules: { '.Input': { color: 'color-mix(in srgb, red, element(#x))' } } }],
    ['paint() inside clamp()', { rules: { '.Input': { padding: 'clamp(1px, paint(x), 2px)' } } }],
    ['expression() inside var()', { rules: { '.Input': { color: 'var(--tf-x, expression(alert(1)))' } } }],
    ['a vendor-prefixed image-set()', { rules: { '.Input': { boxShadow: '-webkit-image-set(//e/x 1x)' } } }],
    ['a space between a name and its parenthesis', { rules: { '.Input': { padding: 'calc(url (//h/x))' } } }],
    ['a bare parenthesis', { rules: { '.Input': { padding: '(//h/x)' } } }],
    ['an escape inside calc()', { rules: { '.Input': { padding: 'calc(\\75rl(//h/x))' } } }],
    ['a foreign var() inside calc()', { rules: { '.Input': { padding: 'calc(var(--merchant-x) * 2)' } } }],
  ];
  for (const [name, appearance] of attacks) {
    it(`refuses ${name}`, () => {
      const { css, refused } = appearanceCss(appearance);
      assert.equal(refused.length, 1, JSON.stringify(refused));
      assert.match(refused[0], /has a value that is not allowed$/);
      assertNothingUnsafe(css);
      assert.ok(!/\.Input\{/.test(css), css);
    });
  }

  it('refuses selectors beyond the documented ones, attribute selectors above all', () => {
    const { css, refused } = appearanceCss({
      rules: {
        'input[value^="4"]': { backgroundColor: 'red' },
        '.Input[value^="4"]': { backgroundColor: 'red' },
        '.Input, body': { color: 'red' },
        '.Input{}body': { color: 'red' },
        ':host': { color: 'red' },
        '@import url(x)': { color: 'red' },
      },
    });
    assert.equal(refused.length, 6);
    refused.forEach((message) => assert.match(message, /is not a documented selector$/));
    assert.equal(css, '');
  });

  it('refuses properties that load resources, insert content or change layout', () => {
    const properties = [
      'content',
      'backgroundImage',
      'background',
      'behavior',
      '-moz-binding',
      'cursor',
      'filter',
      'display',
      'position',
      'mask',
    ];
    const { css, refused } = appearanceCss({
      rules: { '.Input': Object.fromEntries(properties.map((property) => [property, 'none'])) },
    });
    assert.equal(refused.length, properties.length);
    refused.forEach((message) => assert.match(message, /is not an allowed property$/));
    assert.equal(css, '');
  });

  it('refuses unknown themes, variables and options, naming each without quoting values', () => {
    const { css, refused } = appearanceCss({
      theme: 'evil',
      variables: { colorPrimary: '#f00', '--tf-focus-color': 'red', colorSecret: 'url(x)' },
      extra: true,
    });
    assert.deepEqual(refused, [
      'appearance."extra" is not an option',
      'appearance.theme must be stripe, night, flat, default or auto',
      'appearance.variables."--tf-focus-color" is not a documented variable',
      'appearance.variables."colorSecret" is not a documented variable',
    ]);
    assert.equal(css, ':host{--tf-focus-color:#f00;}');
  });

  it('refuses malformed shapes without throwing', () => {
    assert.deepEqual(appearanceCss('night').refused, ['appearance must be an object']);
    assert.deepEqual(appearanceCss({ variables: [], rules: 'x' }).refused, [
      'appearance.variables must be an object',
      'appearance.rules must be an object',
    ]);
  });
});

describe('stripeStyleCss: Stripe’s style object', () => {
  it('maps each variant onto the inputs in that state, base first and invalid last, with pseudo-classes after', () => {
    const { css, refused } = stripeStyleCss({
      invalid: { color: '#fa755a', iconColor: '#fa755a' },
      base: {
        color: '#32325d',
        fontFamily: '"Helvetica Neue", Helvetica, sans-serif',
        fontSmoothing: 'antialiased',
        fontSize: '16px',
        iconColor: '#666ee8',
        '::placeholder': { color: '#aab7c4' },
        ':focus': { color: '#424770' },
        ':-webkit-autofill': { color: '#fce883' },
        '::selection': { backgroundColor: 'rgba(0, 0, 0, 0.1)' },
        ':hover': { textDecoration: 'underline' },
        ':disabled': { color: 'gray' },
        '::-ms-clear': { display: 'none' },
      },
      complete: { color: 'green', letterSpacing: '0.5px', textAlign: 'center' },
      empty: { fontStyle: 'italic', textTransform: 'uppercase', lineHeight: '24px' },
    });
    assert.deepEqual(refused, []);
    assert.equal(
      css,
      ':host{--tf-icon-color:#666ee8;}' +
        '.Input{color:#32325d;font-family:"Helvetica Neue", Helvetica, sans-serif;-webkit-font-smoothing:antialiased;font-size:16px;}' +
        '.Input::placeholder{color:#aab7c4;}.Input:focus{color:#424770;}.Input:-webkit-autofill{color:#fce883;}' +
        '.Input::selection{background-color:rgba(0, 0, 0, 0.1);}.Input:hover{text-decoration:underline;}' +
        '.Input:disabled{color:gray;}' +
        '.Input--empty{font-style:italic;text-transform:uppercase;line-height:24px;}' +
        '.Input--complete{color:green;letter-spacing:0.5px;text-align:center;}' +
        ':host{--tf-icon-invalid-color:#fa755a;}.Input--invalid{color:#fa755a;}',
    );
  });

  it('no style is no change; unknown variants, pseudo-classes and shapes are refused by name', () => {
    assert.deepEqual(stripeStyleCss(undefined), { css: '', refused: [] });
    assert.deepEqual(stripeStyleCss('red').refused, ['style must be an object']);
    const { css, refused } = stripeStyleCss({
      focus: { color: 'red' },
      base: { ':visited': { color: 'red' }, '::after': { color: 'red' }, color: 'blue' },
      invalid: 'red',
    });
    assert.deepEqual(refused, [
      'style."focus" is not a variant',
      'style.base.":visited" is not an allowed property',
      'style.base."::after" is not an allowed property',
      'style.invalid must be an object',
    ]);
    assert.equal(css, '.Input{color:blue;}');
  });

  it('the browser has the last word on each value, as for appearance', () => {
    const { css, refused } = stripeStyleCss(
      { base: { color: 'blue', fontSize: 'huge', iconColor: 'notacolor' } },
      (_property, value) => !['huge', 'notacolor'].includes(value),
    );
    assert.deepEqual(refused, [
      'style.base.iconColor has a value that is not allowed',
      'style.base."fontSize" has a value that is not allowed',
    ]);
    assert.equal(css, '.Input{color:blue;}');
  });

  // The same payloads the appearance refuses, carried by a style in each place one can sit.
  const payloads: Array<[string, string]> = [
    ['url()', 'url(https://evil.example/x)'],
    ['a unicode-escaped url', '\\75rl(https://evil.example/x)'],
    ['an escaped escape', '\\5c 75rl(x)'],
    ['a closing brace', 'red}input[value^="4"]{color:blue'],
    ['a semicolon', 'red;background-image:url(x)'],
    ['@import', '@import "https://evil.example/x.css"'],
    ['a comment', 'red/*'],
    ['expression()', 'expression(alert(1))'],
    ['attr()', 'attr(value)'],
    ['var() to a foreign name', 'var(--merchant-secret)'],
    ['url() inside var()', 'var(--tf-x,url(//h/x))'],
    ['url() inside calc()', 'calc(url(//h/x))'],
    ['image-set()', '-webkit-image-set(//e/x 1x)'],
    ['!important', 'red !important'],
    ['an HTML tag', '</style><script>'],
    ['non-ASCII look-alikes', 'ｕｒｌ(x)'],
  ];
  const places: Array<[string, (value: string) => unknown]> = [
    ['base', (value) => ({ base: { color: value } })],
    ['a pseudo-class of base', (value) => ({ base: { '::placeholder': { color: value } } })],
    ['invalid', (value) => ({ invalid: { backgroundColor: value } })],
    ['a pseudo-class of complete', (value) => ({ complete: { ':focus': { textShadow: value } } })],
    ['iconColor', (value) => ({ base: { iconColor: value } })],
  ];
  for (const [payload, value] of payloads) {
    for (const [place, style] of places) {
      it(`refuses ${payload} in ${place}`, () => {
        const { css, refused } = stripeStyleCss(style(value));
        assert.equal(refused.length, 1, JSON.stringify(refused));
        assert.match(refused[0], /has a value that is not allowed$/);
        assert.equal(css, '');
      });
    }
  }

  it('refuses properties that load resources or insert content, in a variant or a pseudo-class', () => {
    const { css, refused } = stripeStyleCss({
      base: { backgroundImage: 'none', content: 'none', ':hover': { cursor: 'none', background: 'none' } },
      invalid: { '::placeholder': { behavior: 'none' } },
    });
    assert.equal(refused.length, 5);
    refused.forEach((message) => assert.match(message, /is not an allowed property$/));
    assert.equal(css, '');
  });

  it('refuses selectors smuggled in as pseudo-classes', () => {
    const { css, refused } = stripeStyleCss({
      base: { ':focus,input[value^="4"]': { color: 'red' }, ':focus{}body': { color: 'red' } },
    });
    assert.equal(refused.length, 2);
    assert.equal(css, '');
  });
});
