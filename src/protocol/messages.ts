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
}

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

export type HostMessage =
  | { tf: 1; type: 'init'; options: FrameOptions; appearance?: Appearance }
  | { tf: 1; type: 'update'; options: FrameOptions; appearance?: Appearance }
  | { tf: 1; type: 'focus' }
  | { tf: 1; type: 'clear' }
  /** The form found the element invalid: show every field's error, as a submit attempt would. */
  | { tf: 1; type: 'validate' }
  | { tf: 1; type: 'tokenize'; requestId: string; extra: TokenizeExtra }
  | { tf: 1; type: 'create-token'; requestId: string; kind: DataTokenKind; data: Record<string, unknown> };

export interface FieldError {
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

export interface ChangeDetail {
  empty: boolean;
  complete: boolean;
  brand?: string;
  error?: FieldError;
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

type Shape = Record<string, 'string' | 'number' | 'boolean' | 'object' | 'string?' | 'boolean?' | 'object?'>;

const hostShapes: Record<HostMessage['type'], Shape> = {
  init: { options: 'object', appearance: 'object?' },
  update: { options: 'object', appearance: 'object?' },
  focus: {},
  clear: {},
  validate: {},
  tokenize: { requestId: 'string', extra: 'object' },
  'create-token': { requestId: 'string', kind: 'string', data: 'object' },
};

const frameShapes: Record<FrameMessage['type'], Shape> = {
  hello: {},
  ready: {},
  change: { empty: 'boolean', complete: 'boolean', brand: 'string?', error: 'object?', edited: 'boolean?' },
  focus: {},
  blur: {},
  resize: { height: 'number' },
  submit: {},
  warning: { message: 'string' },
  texts: { title: 'string', incomplete: 'string' },
  result: { requestId: 'string', token: 'object?', error: 'object?' },
};

function matches(data: Record<string, unknown>, shape: Shape): boolean {
  return Object.entries(shape).every(([field, kind]) => {
    const value = data[field];
    const optional = kind.endsWith('?');
    if (optional && value === undefined) return true;
    const type = kind.replace('?', '');
    return type === 'object' ? isPlainObject(value) : typeof value === type;
  });
}

/** The message if its type is known and its fields have their shapes; the caller has checked its version. */
function parse<T>(message: Record<string, unknown>, shapes: Record<string, Shape>): T | null {
  if (typeof message.type !== 'string') return null;
  const shape = Object.hasOwn(shapes, message.type) ? shapes[message.type] : undefined;
  return shape && matches(message, shape) ? (message as T) : null;
}

function isFrameOptions(options: object): boolean {
  return Object.values(options).every((value) => typeof value === 'string' || typeof value === 'boolean');
}

/** Frame side: a message from the host, or null to drop it. */
export function parseHostMessage(data: unknown): HostMessage | null {
  const message =
    isPlainObject(data) && SUPPORTED_HOST_VERSIONS.includes(data.tf as number)
      ? parse<HostMessage>(data, hostShapes)
      : null;
  if (message?.type === 'tokenize' && !Object.values(message.extra).every((v) => typeof v === 'string')) return null;
  if (message?.type === 'create-token' && message.kind !== 'account' && message.kind !== 'person') return null;
  if ((message?.type === 'init' || message?.type === 'update') && !isFrameOptions(message.options)) return null;
  return message;
}

/** Host side: a message from the frame, or null to drop it. The frame answers in the host's own version. */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  return isPlainObject(data) && data.tf === PROTOCOL_VERSION ? parse<FrameMessage>(data, frameShapes) : null;
}
