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
  /** The kind's own attributes (beyond every element's) whose value is a frame option: `country` → `options.country`. */
  readonly attributes?: Readonly<Record<string, OptionOfType<string>>>;
  /** The kind's own attributes whose presence is a frame option: `hide-postal-code` → `options.hidePostalCode`. */
  readonly flags?: Readonly<Record<string, OptionOfType<boolean>>>;
  /** Attributes whose value is a JSON object of strings by field: `labels='{"number": "Card"}'` → `options.labels`. */
  readonly objects?: Readonly<Record<string, OptionOfType<Record<string, string>>>>;
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
 * What every kind takes beyond its own descriptor: these attributes and the frame options they stand for. The
 * element resolves `disabled` (a disabled fieldset counts too) and `locale` (`auto`, the page's `lang`) itself.
 */
export const everyKind = {
  attributes: { locale: 'locale' },
  flags: { disabled: 'disabled', readonly: 'readonly', 'hide-labels': 'hideLabels' },
  objects: { labels: 'labels', placeholders: 'placeholders' },
} as const satisfies Omit<KindDescriptor, 'tag'>;

/**
 * The name Stripe gives a kind's element in its events' `elementType`: the kind's page in camel case
 * (`card-number` → `cardNumber`, `bank-account` → `bankAccount`).
 */
export function elementTypeOf(kind: KindDescriptor): string {
  return pageOf(kind).replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());
}
