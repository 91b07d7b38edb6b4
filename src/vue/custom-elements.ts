import type { DefineComponent } from 'vue';
import type { TokenframeAttributes, ElementAttributes } from '../host/element-attributes';
import type { ChangeDetail, TokenError } from '../host/index';

/**
 * The attributes and events of every tokenframe element, for Vue templates that use the elements themselves
 * (`<tokenframe-card :publishable-key="key" @change="…">`, with `isCustomElement` set for `tokenframe-` tags).
 * Vue keeps `key` for itself: pass the key as `publishable-key`.
 */
export interface TokenframeElementAttributes extends TokenframeAttributes {
  onChange?: (event: CustomEvent<ChangeDetail>) => void;
  onReady?: (event: CustomEvent) => void;
  onFocus?: (event: FocusEvent | CustomEvent) => void;
  onBlur?: (event: FocusEvent | CustomEvent) => void;
  onEscape?: (event: CustomEvent) => void;
  onLoaderror?: (event: CustomEvent<{ error: TokenError }>) => void;
}

/** A custom element as a Vue template sees it: its attributes and events as props, its element as the template ref. */
type CustomElement<Tag extends keyof ElementAttributes> = DefineComponent<
  TokenframeElementAttributes & ElementAttributes[Tag]
> & {
  new (): { $el: HTMLElementTagNameMap[Tag] };
};

/** Every tokenframe element, by its tag. */
type CustomElements = { [Tag in keyof ElementAttributes]: CustomElement<Tag> };

declare module 'vue' {
  // An augmentation adds members by extending: the interface itself stays empty.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends CustomElements {}
}
