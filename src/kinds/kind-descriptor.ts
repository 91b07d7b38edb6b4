import type { FrameOptions } from '../protocol/messages';

type OptionOfType<T> = {
  [K in keyof FrameOptions]-?: NonNullable<FrameOptions[K]> extends T ? K : never;
}[keyof FrameOptions];

/** Which part of a card split over three elements, for the split card kinds. */
export type CardField = 'number' | 'expiry' | 'cvc';

/**
 * Everything the host, the frame build and the tools need to know about one
 * element kind. Adding a kind is: its descriptor (listed in element-kinds.ts),
 * its host class and frame form, its catalog strings, its tests;
 * test/unit/kinds.test.ts names whatever else is missing.
 */
export interface KindDescriptor {
  readonly tag: `tokenframe-${string}`;
  /**
   * The frame options (strings) the kind's own attributes stand for, beyond every element's; each attribute is
   * its option's name in kebab case: `idType` → the `id-type` attribute → `options.idType`.
   */
  readonly attributes?: readonly OptionOfType<string>[];
  /** The frame options (booleans) whose attribute's presence sets them: `hidePostalCode` ← `hide-postal-code`. */
  readonly flags?: readonly OptionOfType<boolean>[];
  /** The frame options (strings by field) whose attribute is JSON: `labels='{"number": "Card"}'` → `options.labels`. */
  readonly objects?: readonly OptionOfType<Record<string, string>>[];
  /**
   * Single-field kinds that are not split card fields: their field's name, whose placeholder the `placeholder`
   * attribute (Stripe's `placeholder` option) sets. Split card fields use their `cardField`.
   */
  readonly field?: string;
  /** Rows of fields in the frame's form (default 1), so the loading skeleton is as tall as the fields it stands for. */
  readonly rows?: number;
  /** Split card kinds: the part of the card the element holds (it then joins a card group). */
  readonly cardField?: CardField;
}

/** A kind's frame page: its tag without `tokenframe-` (`tokenframe-card` → `card`). */
export type PageOf<K extends KindDescriptor> = K['tag'] extends `tokenframe-${infer Page}` ? Page : never;

/**
 * The frame page `/frame/v1/{page}.html` of a kind, built from `src/frame/{page}.html`; the frame catalogs
 * hold the kind's title and messages under the same name.
 */
export function pageOf<K extends KindDescriptor>(kind: K): PageOf<K> {
  return kind.tag.slice('tokenframe-'.length) as PageOf<K>;
}

/**
 * What every kind takes beyond its own descriptor, in the same form. The element resolves `disabled` (a disabled
 * fieldset counts too) and `locale` (`auto`, the page's `lang`) itself.
 */
export const everyKind = {
  attributes: ['locale'],
  flags: ['disabled', 'readonly', 'hideLabels'],
  objects: ['labels', 'placeholders'],
} as const satisfies Omit<KindDescriptor, 'tag'>;

/** The attribute that stands for a frame option: its name in kebab case (`hidePostalCode` → `hide-postal-code`). */
export function attributeOf(option: string): string {
  return option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The name Stripe gives a kind's element in its events' `elementType`: the kind's page in camel case
 * (`card-number` → `cardNumber`, `bank-account` → `bankAccount`).
 */
export function elementTypeOf(kind: KindDescriptor): string {
  return pageOf(kind).replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());
}
