/**
 * Turns the merchant's appearance (untrusted JSON from the host page) into CSS
 * for the frame. Everything is allow-listed — themes, variables, selectors,
 * properties, value shapes and CSS functions — because CSS is an attack
 * surface: `url()` and `@import` load resources, attribute selectors can leak
 * what is typed, and a stray `}` would let a value escape its rule. Whatever
 * is not understood is refused and reported, never applied.
 */

import { isPlainObject } from '../protocol/messages';

export interface AppliedAppearance {
  css: string;
  /** One sentence per refused entry, naming it (never quoting its value). */
  refused: string[];
}

/** Frame side: `CSS.supports`, so the browser has the last word on each declaration. */
export type SupportsCheck = (property: string, value: string) => boolean;

type Shape = 'color' | 'length' | 'font-family' | 'font-weight' | 'shadow';

/** Each documented variable: the custom properties it sets and the shape its value must have. */
const variables: Record<string, { properties: string[]; shape: Shape }> = {
  colorPrimary: { properties: ['--tf-focus-color'], shape: 'color' },
  colorBackground: { properties: ['--tf-input-background'], shape: 'color' },
  colorText: { properties: ['--tf-text-color', '--tf-label-color'], shape: 'color' },
  colorTextSecondary: { properties: ['--tf-muted-color'], shape: 'color' },
  colorTextPlaceholder: { properties: ['--tf-placeholder-color'], shape: 'color' },
  colorDanger: { properties: ['--tf-danger-color'], shape: 'color' },
  colorBorder: { properties: ['--tf-border-color'], shape: 'color' },
  fontFamily: { properties: ['--tf-font-family'], shape: 'font-family' },
  fontSizeBase: { properties: ['--tf-font-size'], shape: 'length' },
  fontWeightNormal: { properties: ['--tf-font-weight'], shape: 'font-weight' },
  spacingUnit: { properties: ['--tf-spacing'], shape: 'length' },
  borderRadius: { properties: ['--tf-radius'], shape: 'length' },
  focusBoxShadow: { properties: ['--tf-focus-box-shadow'], shape: 'shadow' },
  iconColor: { properties: ['--tf-icon-color'], shape: 'color' },
};

const documentedSelectors = [
  '.Input',
  '.Input:hover',
  '.Input:focus',
  '.Input--invalid',
  '.Input::placeholder',
  '.Label',
  '.Error',
  '.Tab',
  '.Tab:hover',
  '.Tab:focus',
  '.Tab--selected',
] as const;

/** Properties that only change how things are drawn: none takes a URL or inserts content. */
const allowedProperties = new Set([
  'color',
  'background-color',
  'border',
  'border-color',
  'border-style',
  'border-width',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [
    `border-${side}`,
    `border-${side}-color`,
    `border-${side}-style`,
    `border-${side}-width`,
    `padding-${side}`,
    `margin-${side}`,
  ]),
  'border-radius',
  'box-shadow',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'letter-spacing',
  'line-height',
  'padding',
  'margin',
  'text-transform',
  'text-align',
  '-webkit-font-smoothing',
  'text-decoration',
  'text-shadow',
  'outline',
  'outline-color',
  'outline-style',
  'outline-width',
  'outline-offset',
  'transition',
  'opacity',
]);

/** CSS functions that compute a colour, length or timing; anything else (url, image-set, attr, env, …) is refused. */
const allowedFunctions = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color-mix',
  'calc',
  'min',
  'max',
  'clamp',
  'var',
  'cubic-bezier',
  'steps',
]);

const colorValue = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]*\))$/i;
const lengthValue = /^(0|\d*\.?\d+(px|rem|em|%))$/;
const fontWeightValue = /^(normal|bold|lighter|bolder|[1-9]00)$/;
/** Family names, bare or quoted, without anything a quote could hide. */
const fontFamilyValue = /^\s*("[\w -]+"|'[\w -]+'|[\w -]+)(\s*,\s*("[\w -]+"|'[\w -]+'|[\w -]+))*\s*$/;
/** Plain ASCII a declaration value needs; no backslash (escapes), `;`, braces, `<`, `@`, `!`, `:` or non-ASCII. */
const valueCharacters = /^[a-z0-9#%.,()\s+\-/*'"]*$/i;
const shapes: Record<Shape, RegExp> = {
  color: colorValue,
  length: lengthValue,
  'font-weight': fontWeightValue,
  'font-family': fontFamilyValue,
  shadow: valueCharacters,
};

/** A real property of each shape, for asking the browser whether it understands a variable's value. */
const probes: Record<Shape, string> = {
  color: 'color',
  length: 'width',
  'font-weight': 'font-weight',
  'font-family': 'font-family',
  shadow: 'box-shadow',
};

const MAX_VALUE_LENGTH = 200;

/**
 * Names that load a resource, read the page or run code, in any position: as a
 * function, a bare word or behind a vendor prefix. The function allow-list
 * already keeps them out; naming them again means a future allowed function
 * cannot smuggle one in as an argument.
 */
const forbiddenNames = /(^|[^a-z0-9_-])(-[a-z]+-)?(url|image-set|image|attr|expression|element|paint)(?![a-z0-9_-])/i;

/**
 * Whether every function in `value`, at every depth, is allow-listed: each `(`
 * must follow an allowed name directly (`calc (…)` and a bare `(…)` are
 * refused), and each `var()` may only read the frame's own variables, never
 * a name the merchant invents.
 */
function hasOnlyAllowedFunctions(value: string): boolean {
  let open = value.indexOf('(');
  while (open !== -1) {
    const name = /[a-z-]*$/i.exec(value.slice(0, open))![0].toLowerCase();
    if (!allowedFunctions.has(name)) return false;
    if (name === 'var' && !/^--tf-[a-z-]+[),]/.test(value.slice(open + 1))) return false;
    open = value.indexOf('(', open + 1);
  }
  return true;
}

/** Whether `value` is safe for `property`, whatever the browser would make of it. */
function isSafeValue(property: string, value: string): boolean {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH || !valueCharacters.test(value)) return false;
  if (value.includes('/*') || forbiddenNames.test(value)) return false;
  if (/['"]/.test(value) && !(property === 'font-family' && fontFamilyValue.test(value))) return false;
  return hasOnlyAllowedFunctions(value);
}

/** A name from the merchant, quoted and cut short, for a warning. */
export function describe(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/** `borderColor` and `border-color` both name the same property. */
function kebab(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

const night = {
  '--tf-focus-color': '#0085ff',
  '--tf-input-background': '#30313d',
  '--tf-text-color': '#ffffff',
  '--tf-label-color': '#e6e6e6',
  '--tf-muted-color': '#a3a8b3',
  '--tf-placeholder-color': '#8d929c',
  '--tf-danger-color': '#fe87a1',
  '--tf-border-color': '#6b7080',
  '--tf-input-color-scheme': 'dark',
};

/** Built-in looks, as values of the custom properties (trusted: written here). `stripe` is Stripe's name for ours. */
const themes: Record<string, Record<string, string>> = {
  default: {},
  stripe: {},
  night,
  flat: {
    '--tf-input-background': '#f1f3f5',
    '--tf-border-color': 'transparent',
    '--tf-radius': '4px',
    '--tf-focus-box-shadow': '0 0 0 1px #0570de',
  },
};

function declarations(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([property, value]) => `${property}:${value};`)
    .join('');
}

/** The custom properties documented variable `name` (or `properties`) set to `value`, or none (refused, named by `where`). */
export function variableDeclarations(
  name: string,
  value: unknown,
  where: string,
  refused: string[],
  supports?: SupportsCheck,
  properties = variables[name].properties,
): string {
  const { shape } = variables[name];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (
    !shapes[shape].test(trimmed) ||
    !isSafeValue(probes[shape], trimmed) ||
    (supports && !supports(probes[shape], trimmed))
  ) {
    refused.push(`${where} has a value that is not allowed`);
    return '';
  }
  return properties.map((property) => `${property}:${trimmed};`).join('');
}

/**
 * One rule of allowed properties with safe values, or `''` when none is; the
 * rest is refused, each named by `where`. The caller vouches for `selector`.
 */
export function ruleCss(
  selector: string,
  properties: unknown,
  where: string,
  refused: string[],
  supports?: SupportsCheck,
): string {
  if (!isPlainObject(properties)) {
    refused.push(`${where} must be an object`);
    return '';
  }
  const accepted: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    const property = kebab(name);
    const named = `${where}.${describe(name)}`;
    if (!allowedProperties.has(property)) {
      refused.push(`${named} is not an allowed property`);
    } else if (
      typeof value !== 'string' ||
      !isSafeValue(property, value.trim()) ||
      (supports && !supports(property, value.trim()))
    ) {
      refused.push(`${named} has a value that is not allowed`);
    } else {
      accepted[property] = value.trim();
    }
  }
  return Object.keys(accepted).length > 0 ? `${selector}{${declarations(accepted)}}` : '';
}

export function appearanceCss(appearance: unknown, supports?: SupportsCheck): AppliedAppearance {
  const refused: string[] = [];
  if (!isPlainObject(appearance))
    return { css: '', refused: appearance === undefined ? [] : ['appearance must be an object'] };
  const { theme = 'default', variables: vars = {}, rules = {}, ...others } = appearance;
  for (const key of Object.keys(others)) refused.push(`appearance.${describe(key)} is not an option`);

  let css = '';
  if (theme === 'auto') {
    css += `@media (prefers-color-scheme: dark){:host{${declarations(night)}}}`;
  } else if (typeof theme === 'string' && Object.hasOwn(themes, theme)) {
    css += `:host{${declarations(themes[theme])}}`;
  } else {
    refused.push(`appearance.theme must be stripe, night, flat, default or auto`);
  }

  let chosen = '';
  for (const [name, value] of isPlainObject(vars) ? Object.entries(vars) : []) {
    const where = `appearance.variables.${describe(name)}`;
    if (Object.hasOwn(variables, name)) chosen += variableDeclarations(name, value, where, refused, supports);
    else refused.push(`${where} is not a documented variable`);
  }
  if (!isPlainObject(vars)) refused.push('appearance.variables must be an object');
  css += `:host{${chosen}}`;

  for (const [selector, properties] of isPlainObject(rules) ? Object.entries(rules) : []) {
    const where = `appearance.rules[${describe(selector)}]`;
    if ((documentedSelectors as readonly string[]).includes(selector))
      css += ruleCss(selector, properties, where, refused, supports);
    else refused.push(`${where} is not a documented selector`);
  }
  if (!isPlainObject(rules)) refused.push('appearance.rules must be an object');
  return { css: css.replaceAll(':host{}', ''), refused };
}
