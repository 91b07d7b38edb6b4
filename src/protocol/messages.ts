/**
 * The host ↔ frame protocol. Every message carries `tf: PROTOCOL_VERSION`;
 * each side validates what it receives with the parsers below and drops
 * anything unknown or malformed. Nothing here may ever carry a raw card
 * number, CVC, account number or ID number: the frame sends only state, and
 * after tokenize, the token object as the API returned it.
 */
import { elementKinds } from '../kinds/element-kinds';
import { pageOf } from '../kinds/kind-descriptor';

export const PROTOCOL_VERSION = 1;

/**
 * The versions a frame accepts from a host. A merchant page may pin a loader
 * by URL and integrity (/v1/loader/…), and that loader keeps speaking the
 * version it was built with after the service is upgraded: a version may
 * leave this list only when no loader the service still serves speaks it.
 */
export const SUPPORTED_HOST_VERSIONS: readonly number[] = [PROTOCOL_VERSION];

/** Every frame page: one per element kind, plus the hidden frame that carries `createToken('account' | 'person')`. */
// Pure: the host loader, which never reads it, leaves it out.
export const framePages: string[] = /* @__PURE__ */ elementKinds.map((kind): string => pageOf(kind)).concat('tokens');

/** Token kinds created from data the merchant passes in (not typed into a field). */
export type DataTokenKind = 'account' | 'person';

/** Non-sensitive options the host passes to the frame, from the element's attributes. */
export interface FrameOptions {
  disabled?: boolean;
  /** Card: hide the postal code field (e.g. when the merchant collects the address itself). */
  hidePostalCode?: boolean;
  /** Bank account: the account's country (`US`, `DE`, …); PII: the ID's country. */
  country?: string;
  /** Bank account: the currency, when not the country's own. */
  currency?: string;
  /** CVC update: the saved card's brand, which sets the CVC length. */
  brand?: string;
  /** PII: `ssn` or `itin` for US numbers. */
  idType?: string;
  /** The language to show, as a BCP 47 tag the host resolved (`fr`, `ar-EG`); the frame falls back to English. */
  locale?: string;
  /** Split card fields: the group (random per page) whose number, expiry and CVC frames tokenize together. */
  group?: string;
  /** The fields show their values but cannot be edited (Stripe's `readOnly`). */
  readonly?: boolean;
  /** Card: `stacked` (two rows, as before) or `single-line` (one row, like Stripe's Card Element). */
  layout?: string;
  /** Visually hide the field labels (they stay as accessible names). */
  hideLabels?: boolean;
  /** Card and card number: no brand icon in the number field. */
  hideIcon?: boolean;
  /** Card and card number: `default` (colored) or `solid` brand icons. */
  iconStyle?: string;
  /**
   * Card and card number: the brands the merchant accepts in Stripe's vocabulary, separated by commas or spaces
   * (`visa,mastercard`); absent or blank means all.
   */
  brands?: string;
  /** Card: the postal code to prefill (Stripe's `value.postalCode`). */
  postalCode?: string;
  /** Single-field elements (card number, expiry, CVC, CVC update, PII): their field's placeholder, before `placeholders`. */
  placeholder?: string;
  /** Per field (`number`, `expiry`, `cvc`, `postalCode`, …): the placeholder to show instead of the default. */
  placeholders?: Record<string, string>;
  /** Per field: the label to show instead of the catalog's. */
  labels?: Record<string, string>;
}

/**
 * Stripe's `style` element option, as the merchant wrote it: per variant (`base`, `complete`, `empty`,
 * `invalid`) CSS properties in camelCase, and pseudo-classes (`:focus`, `:hover`, `::placeholder`,
 * `:disabled`, `::selection`, `:-webkit-autofill`) as nested objects. Untrusted: the frame maps it onto the
 * allow-listed appearance and warns about the rest.
 */
export type StripeStyle = Record<string, Record<string, unknown>>;

/**
 * Stripe's `fonts` option: a stylesheet (`{cssSrc}`) or a face (`{family, src, weight, style, display,
 * unicodeRange}`). Untrusted: the frame loads it only from the font origins the operator allowed for the
 * key (the frame's CSP says so too) and warns about the rest.
 */
export type FontSource = Record<string, string>;

/**
 * How the fields look, as the merchant wrote it (attribute JSON or property).
 * Untrusted: the frame accepts only documented variables, rules and value
 * shapes, and reports what it refused as `warning` messages.
 */
export interface Appearance {
  /** `default`, `night`, `flat`, or `auto` (default or night, following prefers-color-scheme). */
  theme?: string;
  /** `colorPrimary`, `colorBackground`, `colorText`, `colorDanger`, `fontFamily`, `borderRadius`, … */
  variables?: Record<string, string>;
  /** Per documented selector (`.Input`, `.Input:focus`, `.Input--invalid`, `.Label`, `.Error`, `.Tab`, …), CSS properties. */
  rules?: Record<string, Record<string, string>>;
}

/** Non-sensitive fields the merchant collects itself and adds to the token (`card[name]`, `card[address_zip]`, …). */
export type TokenizeExtra = Record<string, string>;

/** Everything the frame is configured with: `init` carries it first, each `update` again in full. */
export interface FrameSettings {
  options: FrameOptions;
  appearance?: Appearance;
  style?: StripeStyle;
  fonts?: FontSource[];
}

export type HostMessage =
  | ({ tf: 1; type: 'init' } & FrameSettings)
  | ({ tf: 1; type: 'update' } & FrameSettings)
  | { tf: 1; type: 'focus' }
  /** The host's `blur()`: focus leaves the field it is in (which then shows its error, as a customer leaving it would). */
  | { tf: 1; type: 'blur' }
  | { tf: 1; type: 'clear' }
  /** The form found the element invalid: show every field's error, as a submit attempt would. */
  | { tf: 1; type: 'validate' }
  | { tf: 1; type: 'tokenize'; requestId: string; extra: TokenizeExtra }
  | { tf: 1; type: 'create-token'; requestId: string; kind: DataTokenKind; data: Record<string, unknown> };

/** The error a field shows, as Stripe's `change` event gives it. */
export interface FieldError {
  type: 'validation_error';
  code: string;
  message: string;
}

/** The error half of a tokenize result, in the shape of Stripe's error object. */
export interface TokenError {
  type: string;
  code?: string;
  message: string;
  param?: string;
}

/** The token object exactly as `POST /v1/tokens` returned it. */
export interface Token {
  id: string;
  object: 'token';
  type: string;
  created: number;
  livemode: boolean;
  used: boolean;
  card?: { id: string; brand: string; last4: string; exp_month: number; exp_year: number; [field: string]: unknown };
  [field: string]: unknown;
}

/** What a frame tells its host after every edit or blur: state only, never a number, CVC or account value. */
export interface ChangeDetail {
  empty: boolean;
  complete: boolean;
  /** Card number fields: the detected brand in Stripe's vocabulary (`visa`, `amex`, `diners`, …, `unknown`). */
  brand?: string;
  error?: FieldError;
  /** Card: the postal code as typed (not sensitive; Stripe's `change` gives it as `value.postalCode`). */
  postalCode?: string;
}

export type FrameMessage =
  /**
   * The frame's script runs and listens for `init`: posted on the window (to each allowed origin, the only
   * message that is), so the host can start the handshake before the frame's `load`. It carries nothing.
   */
  | { tf: 1; type: 'hello' }
  | { tf: 1; type: 'ready' }
  /** `edited`: a value changed (not only focus or which errors show), so a token made before is stale. */
  | ({ tf: 1; type: 'change'; edited?: boolean } & ChangeDetail)
  | { tf: 1; type: 'focus' }
  | { tf: 1; type: 'blur' }
  /** Escape was pressed in a field. */
  | { tf: 1; type: 'escape' }
  | { tf: 1; type: 'resize'; height: number }
  /** Enter was pressed in a field: the host submits its form, as Enter in an input would. */
  | { tf: 1; type: 'submit' }
  /** Something the merchant configured was ignored (an appearance entry outside the allow-list): the host warns in the console. */
  | { tf: 1; type: 'warning'; message: string }
  /**
   * The frame's words the host shows, in the frame's language: its accessible name (`Saisie sécurisée de la
   * carte`, the iframe's title) and the form's message while the element is incomplete.
   */
  | { tf: 1; type: 'texts'; title: string; incomplete: string }
  | { tf: 1; type: 'result'; requestId: string; token?: Token; error?: TokenError };

/** A JSON object: not null, not an array. Every side checks untrusted input with this one test. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message as its sender writes it: the channel adds the protocol version. */
export type Unversioned<M> = M extends { tf: 1 } ? Omit<M, 'tf'> : never;

/** One field's check: whether the value a message carries there is acceptable. */
type Check = (value: unknown) => boolean;
/** Each field a message type has, with its check; fields not named here are ignored. */
type Shape = Record<string, Check>;

const string: Check = (value) => typeof value === 'string';
const boolean: Check = (value) => typeof value === 'boolean';
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Strings by name: per-field placeholders and labels. */
const stringRecord: Check = (value) => isPlainObject(value) && Object.values(value).every(string);

/**
 * Option values are strings, flags or (placeholders, labels) strings by field, and `locale` a language tag of
 * sane length (`fr`, `zh-Hant-TW`, `en_US`).
 */
const frameOptions: Check = (options) =>
  isPlainObject(options) &&
  Object.values(options).every((value) => string(value) || boolean(value) || stringRecord(value)) &&
  /^[\w-]{0,35}$/.test((options.locale as string | undefined) ?? '');

const fontSources: Check = (fonts) => Array.isArray(fonts) && fonts.every(stringRecord);

const hostShapes: Record<HostMessage['type'], Shape> = {
  init: {
    options: frameOptions,
    appearance: optional(isPlainObject),
    style: optional(isPlainObject),
    fonts: optional(fontSources),
  },
  update: {
    options: frameOptions,
    appearance: optional(isPlainObject),
    style: optional(isPlainObject),
    fonts: optional(fontSources),
  },
  focus: {},
  blur: {},
  clear: {},
  validate: {},
  tokenize: { requestId: string, extra: (extra) => isPlainObject(extra) && Object.values(extra).every(string) },
  'create-token': { requestId: string, kind: (kind) => kind === 'account' || kind === 'person', data: isPlainObject },
};

const frameShapes: Record<FrameMessage['type'], Shape> = {
  hello: {},
  ready: {},
  change: {
    empty: boolean,
    complete: boolean,
    brand: optional(string),
    error: optional(isPlainObject),
    edited: optional(boolean),
    postalCode: optional(string),
  },
  focus: {},
  blur: {},
  escape: {},
  resize: { height: (height) => typeof height === 'number' },
  submit: {},
  warning: { message: string },
  texts: { title: string, incomplete: string },
  result: { requestId: string, token: optional(isPlainObject), error: optional(isPlainObject) },
};

/**
 * The message if its type is known and each of its fields passes its check; the caller has checked its version.
 * (A structured clone carries no symbols or functions, so any `type` that is not a known name misses.)
 */
function parse<T>(message: Record<string, unknown>, shapes: Record<string, Shape>): T | null {
  const shape = Object.hasOwn(shapes, message.type as string) ? shapes[message.type as string] : undefined;
  return shape && Object.entries(shape).every(([field, check]) => check(message[field])) ? (message as T) : null;
}

/**
 * The most a host message may hold, written as JSON. A whole appearance or account is a few kB; an 8 MB `locale`
 * is an attack on the frame, refused before anything reads it, as is a message nested too deep or cyclic to write.
 */
const MAX_MESSAGE_LENGTH = 65_536;

function isSmall(data: unknown): boolean {
  try {
    return JSON.stringify(data).length <= MAX_MESSAGE_LENGTH;
  } catch {
    return false;
  }
}

/** Frame side: a message from the host, or null to drop it (unknown, malformed or too big). */
export function parseHostMessage(data: unknown): HostMessage | null {
  return isPlainObject(data) && SUPPORTED_HOST_VERSIONS.includes(data.tf as number) && isSmall(data)
    ? parse<HostMessage>(data, hostShapes)
    : null;
}

/** Host side: a message from the frame, or null to drop it. The frame answers in the host's own version. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  return isPlainObject(data) && data.tf === PROTOCOL_VERSION ? parse<FrameMessage>(data, frameShapes) : null;
}
