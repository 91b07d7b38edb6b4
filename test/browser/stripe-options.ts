import type { FontSource, StripeStyle } from '../../src/protocol/messages';

/**
 * TEST-ONLY PATH, until the element's `update({style, fonts})` (issue 16, host surface) is on main: adds
 * `style` and `fonts` to every `update` the host posts over its port — the messages the protocol already
 * defines — and returns the function that stops it. Replace with `card.update({style, fonts})` then.
 */
export function sendWithUpdates(extra: { style?: StripeStyle; fonts?: FontSource[] }): () => void {
  const original = MessagePort.prototype.postMessage;
  const post = original as (this: MessagePort, message: unknown, transfer: Transferable[]) => void;
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, transfer?: Transferable[]) {
    const update = (message as { type?: string })?.type === 'update';
    return post.call(this, update ? { ...(message as object), ...extra } : message, transfer ?? []);
  } as typeof original;
  return () => {
    MessagePort.prototype.postMessage = original;
  };
}
