import { customElement, state } from 'lit/decorators.js';
import type { FrameOptions, TokenError } from '../../protocol/messages';
import { cardExtraFields, checkCardNumber, checkCvc, checkExpiry, type FieldCheck } from '../../validation/card';
import { FrameCardGroup } from './frame-card-group';
import { FieldsForm } from '../fields-form';
import { localizeTokenError } from '../i18n/locales';
import { cardNumberField } from '../fields/card-inputs';
import { digitsOnly } from '../format';

/**
 * The number of a split card, and the frame that tokenizes it: it gathers the
 * expiry and CVC from its group's sibling frames on this origin, checks all
 * three and posts one card token. It shares the detected brand with the CVC
 * frame, whose length follows it.
 */
@customElement('tf-card-number-form')
export class CardNumberForm extends FieldsForm<'number'> {
  readonly extraFields = cardExtraFields;

  @state() private number = '';
  private readonly group = new FrameCardGroup((message) => {
    if (message.type === 'hello') this.shareBrand();
  });

  applyOptions(options: FrameOptions): void {
    this.disabled = Boolean(options.disabled);
    this.group.join(options.group);
    this.shareBrand();
  }

  protected fieldNames(): 'number'[] {
    return ['number'];
  }

  protected checks(): Record<'number', FieldCheck> {
    return { number: checkCardNumber(this.number) };
  }

  protected override brand(): string {
    return checkCardNumber(this.number).brand?.type ?? 'unknown';
  }

  tokenParams(extra: Record<string, string>): Record<string, string> {
    const params: Record<string, string> = {};
    for (const [field, value] of Object.entries(extra)) params[`card[${field}]`] = value;
    params['card[number]'] = digitsOnly(this.number);
    return params;
  }

  override async prepareToken(
    extra: Record<string, string>,
  ): Promise<{ params: Record<string, string> } | { error: TokenError }> {
    const brand = checkCardNumber(this.number).brand;
    const invalid = this.validateAll();
    if (invalid) {
      this.group.post({ type: 'validate', brand: brand?.type ?? '' });
      return { error: invalid };
    }
    const collected = await this.group.collect(brand?.type ?? '');
    if ('error' in collected) return { error: localizeTokenError(collected.error, this.localize.t) };
    const { expiry, cvc } = collected.params;
    // Checked again here, against the number as it is now: the siblings
    // checked themselves, but the CVC frame may have judged by an older brand.
    const problem = [
      checkExpiry(expiry['card[exp_month]'], expiry['card[exp_year]']),
      checkCvc(cvc['card[cvc]'], brand),
    ].find((check) => check.state !== 'complete');
    if (problem) {
      const error = problem.error!;
      const message = this.localize.t.errors[error.code];
      return { error: { type: 'validation_error', code: error.code, message, param: error.param } };
    }
    return { params: { ...this.tokenParams(extra), ...expiry, ...cvc } };
  }

  protected resetValues(): void {
    this.number = '';
    this.shareBrand();
  }

  override documentTitle(): string {
    return this.localize.t.titles.cardNumber;
  }

  override render() {
    return cardNumberField({
      label: this.localize.t.card.number,
      value: this.number,
      error: this.errorFor('number', this.checks().number),
      brand: checkCardNumber(this.number).brand,
      disabled: this.disabled,
      onInput: (number) => {
        this.number = number;
        this.shareBrand();
        this.announce(true);
      },
      onBlur: () => this.handleBlur('number'),
    });
  }

  private shareBrand(): void {
    this.group.post({ type: 'brand', brand: checkCardNumber(this.number).brand?.type ?? '' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-number-form': CardNumberForm;
  }
}
