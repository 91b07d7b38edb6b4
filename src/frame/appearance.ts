/**
 * Turns the merchant's appearance (untrusted JSON from the host page) into CSS
 * for the frame. Everything is allow-listed — themes, variables, selectors,
 * properties, value shapes and CSS functions — because CSS is an attack
 * surface: `url()` and `@import` load resources, attribute selectors can leak
 * what is typed, and a stray `}` would let a value escape its rule. Whatever
 * is not understood is refused and reported, never applied.
 */

/**
 * A JSON object: not null, not an array — the protocol's `isPlainObject`, written again here because this
 * module loads as a chunk of its own, which must import nothing from the page's chunks (vite.config.ts,
 * plainDynamicImportPlugin).
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object's entries; none for anything else (the caller reports that). */
export function entriesOf(value: unknown): [string, unknown][] {
  return isPlainObject(value) ? Object.entries(value) : [];
}

export interface AppliedAppearance {
  css: string;
  /** One sentence per refused entry, naming it (never quoting its value). */
  refused: string[];
}

/** Frame side: `CSS.supports`, so the browser has the last word on each declaration. */
export type SupportsCheck = (property: string, value: string) => boolean;

/**
 * A value's shape, named by a real property of that shape: the browser is asked whether that property
 * understands the value (a length as a `width`).
 */
type Shape = 'color' | 'width' | 'font-family' | 'font-weight' | 'box-shadow';

/**
 * Each documented variable: the shape its value must have, then the custom properties it sets (`focus-color`
 * is `--tf-focus-color`).
 */
const variables: Record<string, [Shape, ...string[]]> = {
  colorPrimary: ['color', 'focus-color'],
  colorBackground: ['color', 'input-background'],
  colorText: ['color', 'text-color', 'label-color'],
  colorTextSecondary: ['color', 'muted-color'],
  colorTextPlaceholder: ['color', 'placeholder-color'],
  colorDanger: ['color', 'danger-color'],
  colorBorder: ['color', 'border-color'],
  fontFamily: ['font-family', 'font-family'],
  fontSizeBase: ['width', 'font-size'],
  fontWeightNormal: ['font-weight', 'font-weight'],
  spacingUnit: ['width', 'spacing'],
  borderRadius: ['width', 'radius'],
  focusBoxShadow: ['box-shadow', 'focus-box-shadow'],
  iconColor: ['color', 'icon-color'],
};

/** `.Input`, `.Input:hover`, `.Input:focus`, `.Input--invalid`, `.Input::placeholder`, `.Label`, `.Error`, `.Tab`, … */
const documentedSelector =
  /^\.(Input(:hover|:focus|--invalid|::placeholder)?|Label|Error|Tab(:hover|:focus|--selected)?)$/;

/** Properties that only change how things are drawn: none takes a URL or inserts content. */
const allowedProperty =
  /^(color|background-color|border(-(top|right|bottom|left))?(-(color|style|width))?|border-radius|box-shadow|font-(family|size|style|variant|weight)|letter-spacing|line-height|(padding|margin)(-(top|right|bottom|left))?|text-(transform|align|decoration|shadow)|-webkit-font-smoothing|outline(-(color|style|width|offset))?|transition|opacity)$/;

/** CSS functions that compute a colour, length or timing; anything else (url, image-set, attr, env, …) is refused. */
const allowedFunction = /^(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color-mix|calc|min|max|clamp|var|cubic-bezier|steps)$/;

/** Family names, bare or quoted, without anything a quote could hide. */
const fontFamilyValue = /^\s*("[\w -]+"|'[\w -]+'|[\w -]+)(\s*,\s*("[\w -]+"|'[\w -]+'|[\w -]+))*\s*$/;
/** Plain ASCII a declaration value needs; no backslash (escapes), `;`, braces, `<`, `@`, `!`, `:` or non-ASCII. */
const valueCharacters = /^[a-z0-9#%.,()\s+\-/*'"]*$/i;
const shapes: Record<Shape, RegExp> = {
  color: /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]*\))$/i,
  width: /^(0|\d*\.?\d+(px|rem|em|%))$/,
  'font-weight': /^(normal|bold|lighter|bolder|[1-9]00)$/,
  'font-family': fontFamilyValue,
  'box-shadow': valueCharacters,
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
    if (!allowedFunction.test(name)) return false;
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
  properties = variables[name].slice(1).map((property) => `--tf-${property}`),
): string {
  const shape = variables[name][0];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!shapes[shape].test(trimmed) || !isSafeValue(shape, trimmed) || (supports && !supports(shape, trimmed))) {
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
    if (!allowedProperty.test(property)) {
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
  for (const [name, value] of entriesOf(vars)) {
    const where = `appearance.variables.${describe(name)}`;
    if (Object.hasOwn(variables, name)) chosen += variableDeclarations(name, value, where, refused, supports);
    else refused.push(`${where} is not a documented variable`);
  }
  if (!isPlainObject(vars)) refused.push('appearance.variables must be an object');
  css += `:host{${chosen}}`;

  for (const [selector, properties] of entriesOf(rules)) {
    const where = `appearance.rules[${describe(selector)}]`;
    if (documentedSelector.test(selector)) css += ruleCss(selector, properties, where, refused, supports);
    else refused.push(`${where} is not a documented selector`);
  }
  if (!isPlainObject(rules)) refused.push('appearance.rules must be an object');
  return { css: css.replaceAll(':host{}', ''), refused };
}
