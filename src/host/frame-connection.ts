import {
  PROTOCOL_VERSION,
  parseFrameMessage,
  type DataTokenKind,
  type FrameMessage,
  type FrameSettings,
  type HostMessage,
  type Token,
  type TokenError,
  type TokenizeExtra,
  type Unversioned,
} from '../protocol/messages';
import { hostText, LOADING } from './host-texts';

/**
 * Once the frame page has loaded, its scripts have run: `ready` follows within
 * a round trip. Not hearing it by then means an error page (service down, key
 * or origin refused), so the element need not wait out the whole load timeout.
 */
const ANSWER_AFTER_LOAD_MS = 2500;

/** How long a frame may take to load and answer `init`, unless its element says otherwise. */
const READY_TIMEOUT_MS = 10_000;

/** How long a tokenize request may take, network included. */
const TOKENIZE_TIMEOUT_MS = 30_000;

export type TokenizeResult = { token: Token; error?: undefined } | { error: TokenError; token?: undefined };

/**
 * A mistake of the merchant's page (no key, an element missing, …) as the
 * error Stripe would give: one place builds it, for every element and createToken.
 */
export function invalidRequest(code: string, message: string): TokenError {
  return { type: 'invalid_request_error', code, message };
}

/** The frame could not be reached or did not answer. */
function connectionError(code: string, message: string): TokenError {
  return { type: 'api_connection_error', code, message };
}

type Outgoing = Unversioned<HostMessage>;

export interface FrameConnectionOptions {
  page: string;
  origin: string;
  publishableKey: string;
  /** The frame's settings as of now: `init` carries them whenever the handshake happens. */
  settings: () => FrameSettings;
  /** How long the frame may take to load and answer `init`; 10 s when not given. */
  readyTimeout?: number;
  onMessage: (message: FrameMessage) => void;
  onUnavailable: (error: TokenError) => void;
}

/**
 * One iframe and its private MessageChannel. `init` is posted with the
 * tokenization origin as targetOrigin, so only a frame on that origin ever
 * holds the other end of the port; window messages are never listened to.
 */
export class FrameConnection {
  readonly iframe: HTMLIFrameElement;
  #port: MessagePort | null | undefined;
  #ready?: boolean;
  #loaded?: boolean;
  /** Settles once: true at `ready`, false when the frame is out of reach first. */
  #settleReady!: (ok: boolean) => void;
  readonly #whenReady = new Promise<boolean>((resolve) => (this.#settleReady = resolve));
  #pending = new Map<string, (result: TokenizeResult) => void>();
  #readyTimer: ReturnType<typeof setTimeout> | undefined;
  #answerTimer: ReturnType<typeof setTimeout> | undefined;
  #nextRequest = 0;
  #unavailable: TokenError | null | undefined;

  constructor(private readonly config: FrameConnectionOptions) {
    const readyTimeout = config.readyTimeout ?? READY_TIMEOUT_MS;
    const src = new URL(`/frame/v1/${config.page}.html`, config.origin);
    src.searchParams.set('key', config.publishableKey);
    this.iframe = Object.assign(document.createElement('iframe'), {
      src: src.href,
      // Until the frame names itself in its language (a `texts` message, before `ready`), it is the loading form.
      title: hostText(config.settings().options.locale ?? 'en', LOADING),
    });
    this.iframe.addEventListener('load', () => {
      // A second load is another document in the frame (the page navigated it): the port leads nowhere now.
      if (this.#loaded) {
        this.#ready = false;
        return this.#fail(connectionError('frame_unavailable', 'The secure field was navigated away.'));
      }
      this.#loaded = true;
      this.#handshake();
      this.#answerTimer = setTimeout(() => this.#failToLoad(), Math.min(ANSWER_AFTER_LOAD_MS, readyTimeout));
    });
    addEventListener('message', this.#hearHello);
    this.#readyTimer = setTimeout(() => this.#failToLoad(), readyTimeout);
  }

  #failToLoad(): void {
    this.#fail(
      connectionError(
        'frame_unavailable',
        `${this.config.origin} did not answer: is the service up, and this page's origin allowed for the key?`,
      ),
    );
  }

  /** Before the handshake there is no port: messages go nowhere (`init` carries the settings as they are then). */
  send(message: Outgoing): void {
    this.#port?.postMessage({ tf: PROTOCOL_VERSION, ...message });
  }

  tokenize(extra: TokenizeExtra): Promise<TokenizeResult> {
    return this.#request((requestId) => ({ type: 'tokenize', requestId, extra }));
  }

  createToken(kind: DataTokenKind, data: Record<string, unknown>): Promise<TokenizeResult> {
    // `kind` quoted: the loader build shortens the elements' own `kind` property, never a message field.
    return this.#request((requestId) => ({ type: 'create-token', requestId, ['kind']: kind, data }));
  }

  /** Sends one request once the frame is ready; resolves with its result, or an error on timeout. */
  async #request(message: (requestId: string) => Outgoing): Promise<TokenizeResult> {
    // Out of reach before `ready`, or after it (navigated away, destroyed).
    if (!(await this.#whenReady) || this.#unavailable) return { error: this.#unavailable! };
    const requestId = `req_${++this.#nextRequest}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        resolve({ error: connectionError('timeout', 'Tokenization timed out.') });
      }, TOKENIZE_TIMEOUT_MS);
      this.#pending.set(requestId, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.send(message(requestId));
    });
  }

  destroy(): void {
    removeEventListener('message', this.#hearHello);
    this.#port?.close();
    this.#port = null;
    this.#ready = false;
    this.#fail(connectionError('element_removed', 'The element was removed.'));
  }

  /**
   * The frame's `hello`: its script listens, so `init` can go now rather than
   * at `load`. Only this iframe's window on the tokenization origin counts,
   * and the message carries nothing: it only moves the handshake earlier.
   */
  readonly #hearHello = (event: MessageEvent): void => {
    if (event.source !== this.iframe.contentWindow || event.origin !== this.config.origin) return;
    if (parseFrameMessage(event.data)?.type === 'hello') this.#handshake();
  };

  /** Sends `init` with the port, once: at the frame's `hello`, or else at its `load`. */
  #handshake(): void {
    removeEventListener('message', this.#hearHello);
    if (this.#port) return;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#port.onmessage = (event) => this.#receive(event.data);
    this.iframe.contentWindow?.postMessage(
      { tf: PROTOCOL_VERSION, type: 'init', ...this.config.settings() },
      this.config.origin,
      [channel.port2],
    );
  }

  #receive(data: unknown): void {
    const message = parseFrameMessage(data);
    if (!message || this.#unavailable) return;
    if (message.type === 'ready') {
      this.#ready = true;
      this.#stopWaiting(true);
    } else if (message.type === 'texts') {
      this.iframe.title = message.title;
    } else if (message.type === 'resize') {
      this.iframe.style.height = `${Math.ceil(message.height)}px`;
    } else if (message.type === 'result') {
      const settle = this.#pending.get(message.requestId);
      this.#pending.delete(message.requestId);
      if (message.token) settle?.({ token: message.token });
      else if (message.error) settle?.({ error: message.error });
    }
    this.config.onMessage(message);
  }

  /** The frame is out of reach: waiting and pending requests get `error`, and the element offers Retry. */
  #fail(error: TokenError): void {
    if (this.#ready || this.#unavailable) return;
    this.#unavailable = error;
    this.#stopWaiting(false);
    this.#pending.forEach((settle) => settle({ error }));
    this.#pending.clear();
    this.config.onUnavailable(error);
  }

  /** Ends the wait for `ready` either way: its timers stop and every waiter learns the outcome. */
  #stopWaiting(ok: boolean): void {
    clearTimeout(this.#readyTimer);
    clearTimeout(this.#answerTimer);
    this.#settleReady(ok);
  }
}
