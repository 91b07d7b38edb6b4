import type { FrameOptions } from '../protocol/messages';

type OptionOfType<T> = {
  [K in keyof FrameOptions]-?: NonNullable<FrameOptions[K]> extends T ? K : never;
}[keyof FrameOptions];

/** A message the host shows itself (in the page's language, see src/host/host-texts.ts). */
export type HostMessageKey = 'card' | 'bankAccount' | 'cvc' | 'id' | 'number' | 'expiry';

/** Which part of a card split over three elements, for the split card kinds. */
export type CardField = 'number' | 'expiry' | 'cvc';

/**
 * Everything the host, the frame build and the tools need to know about one
 * element kind. Adding a kind is: its descriptor (listed in element-kinds.ts),
 * its host class and frame form, its catalog strings, its tests;
 * test/unit/kinds.test.ts names whatever else is missing.
 */
export interface KindDescriptor {
  /** The frame page: `/frame/v1/{page}.html`, built from `src/frame/{page}.html`. */
  readonly page: string;
  readonly tag: `tokenframe-${string}`;
  /** The kind's own attributes (beyond every element's) whose value is a frame option: `country` → `options.country`. */
  readonly attributes?: Readonly<Record<string, OptionOfType<string>>>;
  /** The kind's own attributes whose presence is a frame option: `hide-postal-code` → `options.hidePostalCode`. */
  readonly flags?: Readonly<Record<string, OptionOfType<boolean>>>;
  /** Rows of fields in the frame's form, so the loading skeleton is as tall as the fields it stands for. */
  readonly rows: number;
  /** What the form says while the fields are empty (and required) or incomplete. */
  readonly incomplete: HostMessageKey;
  /** Split card kinds: the part of the card the element holds (it then joins a card group). */
  readonly cardField?: CardField;
}
