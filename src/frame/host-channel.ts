import {
  PROTOCOL_VERSION,
  parseHostMessage,
  type FrameMessage,
  type HostMessage,
  type Unversioned,
} from '../protocol/messages';

type Outgoing = Unversioned<FrameMessage>;

export interface HostChannel {
  send(message: Outgoing): void;
}

/**
 * Waits for the host's `init`: accepted once, only from the parent window,
 * only from an origin on the key's allowed list, and only with a port. After
 * that every message travels over the private port and window messages are
 * ignored. Any version in SUPPORTED_HOST_VERSIONS is accepted, and the frame
 * answers in the version the host's `init` spoke, so a pinned older loader
 * understands the replies of a newer frame.
 *
 * Each request is carried out once: a `tokenize` replayed with a requestId
 * already seen is dropped unanswered, so it makes no second token and cannot
 * settle the host's pending request with a stray answer.
 *
 * It says `hello` to the parent as soon as it listens, so the handshake need
 * not wait for the page's `load` (which the host still answers, for frames
 * older than `hello`).
 */
export function listenForHost(
  allowedOrigins: readonly string[],
  onInit: (init: Extract<HostMessage, { type: 'init' }>) => void,
  onMessage: (message: HostMessage) => void,
): HostChannel {
  let port: MessagePort | null = null;
  let version: HostMessage['tf'];
  const requestIds = new Set<string>();
  const handleWindowMessage = (event: MessageEvent) => {
    if (port || event.source !== window.parent || !allowedOrigins.includes(event.origin)) return;
    const message = parseHostMessage(event.data);
    if (message?.type !== 'init' || event.ports.length !== 1) return;
    window.removeEventListener('message', handleWindowMessage);
    port = event.ports[0];
    version = message.tf;
    port.onmessage = (portEvent) => {
      const received = parseHostMessage(portEvent.data);
      if (!received || received.type === 'init') return;
      if ('requestId' in received) {
        if (requestIds.has(received.requestId)) return;
        requestIds.add(received.requestId);
      }
      onMessage(received);
    };
    onInit(message);
  };
  window.addEventListener('message', handleWindowMessage);
  // Listening now: the host need not wait for this page's `load` to send `init`. A page framed by an origin
  // not on the list sends it nowhere (postMessage drops a message whose target origin does not match).
  for (const origin of allowedOrigins) {
    try {
      window.parent.postMessage({ tf: PROTOCOL_VERSION, type: 'hello' }, origin);
    } catch {
      // Not a valid origin: no parent can have it, and `init` from it is refused anyway.
    }
  }
  return {
    send(message) {
      port?.postMessage({ tf: version, ...message });
    },
  };
}
