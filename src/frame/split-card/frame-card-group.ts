import { PROTOCOL_VERSION, isPlainObject, type TokenError } from '../../protocol/messages';
import en from '../i18n/en';

/**
 * How the split card frames (number, expiry, CVC) of one group talk to each
 * other: a BroadcastChannel named from the group id, on the tokenization
 * origin only. The host page never carries a value between them.
 *
 * Why this is safe:
 * - A BroadcastChannel only joins documents of the same origin, so only this
 *   service's own frame pages can post or listen; the merchant page, on its
 *   own origin, cannot. Storage partitioning further limits it to frames under
 *   the same top-level site.
 * - The group id is random per page and per group (the host draws it), so two
 *   tabs of the same shop, or two cards on one page, never share a channel;
 *   every message must also carry the group id and is dropped otherwise.
 * - A frame joins only with the group from its host's `init`, which it accepts
 *   only from an allowed origin. Values travel only in answer to a `collect`
 *   from the number frame, which posts them to `/v1/tokens` on this origin and
 *   hands the host nothing but the token.
 * - Every message is checked for its exact shape; values must be short digit
 *   strings under the parameter names their field owns.
 */

export type SiblingField = 'expiry' | 'cvc';

export type GroupMessage =
  /** A sibling joined: the number frame answers with its brand. */
  | { type: 'hello' }
  /** The brand the number frame detected (`''` while unknown), so the CVC frame checks its length. */
  | { type: 'brand'; brand: string }
  /** The customer tried to pay with an invalid number: siblings show their own errors too, and send nothing. */
  | { type: 'validate'; brand: string }
  /** The number frame tokenizes: each sibling checks its field, shows its error, and answers. */
  | { type: 'collect'; requestId: string; brand: string }
  | { type: 'collected'; requestId: string; field: SiblingField; params?: Record<string, string>; error?: TokenError };

/** The token parameters each sibling owns: nothing else is accepted from it. */
const siblingParams: Record<SiblingField, readonly string[]> = {
  expiry: ['card[exp_month]', 'card[exp_year]'],
  cvc: ['card[cvc]'],
};

const SIBLING_TIMEOUT_MS = 3_000;

/** A sibling that did not answer: the customer is told in their language (catalog `apiErrors`), the merchant by `param`. */
function siblingSilent(field: SiblingField): TokenError {
  return {
    type: 'api_connection_error',
    code: 'card_field_unavailable',
    param: siblingParams[field][0],
    message: en.apiErrors.card_field_unavailable,
  };
}
export const tokenizeOnNumber: TokenError = {
  type: 'invalid_request_error',
  code: 'tokenize_on_number',
  message: 'Split card fields tokenize through the card number field.',
};

const groupIdPattern = /^[A-Za-z0-9-]{16,64}$/;
const shortDigits = /^\d{0,4}$/;

function isParams(value: unknown, field: SiblingField): value is Record<string, string> {
  if (!isPlainObject(value)) return false;
  const names = Object.keys(value);
  return (
    names.length === siblingParams[field].length &&
    names.every((name) => siblingParams[field].includes(name)) &&
    Object.values(value).every((v) => typeof v === 'string' && shortDigits.test(v))
  );
}

function isTokenError(value: unknown): value is TokenError {
  return (
    isPlainObject(value) &&
    typeof value.type === 'string' &&
    typeof value.message === 'string' &&
    (value.code === undefined || typeof value.code === 'string') &&
    (value.param === undefined || typeof value.param === 'string')
  );
}

const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= 64;

/** A message from a frame of `group`, or null to drop it. */
function parseGroupMessage(data: unknown, group: string): GroupMessage | null {
  if (!isPlainObject(data) || data.tf !== PROTOCOL_VERSION || data.group !== group) return null;
  switch (data.type) {
    case 'hello':
      return { type: 'hello' };
    case 'brand':
    case 'validate':
      return isShortString(data.brand) ? { type: data.type, brand: data.brand } : null;
    case 'collect':
      return isShortString(data.requestId) && isShortString(data.brand)
        ? { type: 'collect', requestId: data.requestId, brand: data.brand }
        : null;
    case 'collected': {
      const { requestId, field, params, error } = data;
      if (!isShortString(requestId) || (field !== 'expiry' && field !== 'cvc')) return null;
      if (params !== undefined && error === undefined && isParams(params, field)) {
        return { type: 'collected', requestId, field, params };
      }
      if (error !== undefined && params === undefined && isTokenError(error)) {
        return { type: 'collected', requestId, field, error };
      }
      return null;
    }
    default:
      return null;
  }
}

type Answers = Record<SiblingField, Record<string, string>>;

/** One frame's membership in its card group. */
export class FrameCardGroup {
  private channel: BroadcastChannel | null = null;
  private group = '';
  private pending = new Map<string, (message: Extract<GroupMessage, { type: 'collected' }>) => void>();

  constructor(private readonly onMessage: (message: GroupMessage) => void) {}

  /** Joins the group the host named (leaving any other); a missing or guessable id joins nothing. */
  join(group: string | undefined): void {
    const next = group && groupIdPattern.test(group) ? group : '';
    if (next === this.group) return;
    this.channel?.close();
    this.channel = null;
    this.group = next;
    if (!next) return;
    this.channel = new BroadcastChannel(`tokenframe-card-group:${next}`);
    this.channel.onmessage = (event) => this.receive(event.data);
  }

  get joined(): boolean {
    return this.channel !== null;
  }

  post(message: GroupMessage): void {
    this.channel?.postMessage({ tf: PROTOCOL_VERSION, group: this.group, ...message });
  }

  /**
   * Asks the expiry and CVC frames for their parameters. Resolves with both, or
   * with the first problem (expiry before CVC, as the fields read), or with an
   * error naming the field that did not answer in time; never hangs.
   */
  collect(brand: string): Promise<{ params: Answers } | { error: TokenError }> {
    const requestId = crypto.randomUUID();
    const answers: Partial<Record<SiblingField, Extract<GroupMessage, { type: 'collected' }>>> = {};
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        const fields: SiblingField[] = ['expiry', 'cvc'];
        const silent = fields.find((field) => !answers[field]);
        if (silent) return resolve({ error: siblingSilent(silent) });
        const failed = fields.find((field) => answers[field]!.error);
        if (failed) return resolve({ error: answers[failed]!.error! });
        resolve({ params: { expiry: answers.expiry!.params!, cvc: answers.cvc!.params! } });
      };
      const timer = setTimeout(finish, SIBLING_TIMEOUT_MS);
      this.pending.set(requestId, (message) => {
        answers[message.field] ??= message;
        if (answers.expiry && answers.cvc) finish();
      });
      if (this.channel) this.post({ type: 'collect', requestId, brand });
      else finish();
    });
  }

  private receive(data: unknown): void {
    const message = parseGroupMessage(data, this.group);
    if (!message) return;
    if (message.type === 'collected') this.pending.get(message.requestId)?.(message);
    else this.onMessage(message);
  }
}
