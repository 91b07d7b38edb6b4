import type { PropertyValues } from 'lit';
import type { TokenError } from '../../protocol/messages';
import { cardExtraFields, checkCardNumber, checkCvc, checkExpiry } from '../../validation/card';
import { FieldsForm } from '../fields-form';
import { cardNumberInput } from '../fields/card-inputs';
import { digitsOnly } from '../format';
import { localizeTokenError } from '../i18n/locales';
import { FrameCardGroup } from './frame-card-group';
import { cardNumber as cardNumberKind } from '../../kinds/element-kinds';

type NumberChecks = { number: ReturnType<typeof checkCardNumber> };

/**
 * The number of a split card, and the frame that tokenizes it: it gathers the
 * expiry and CVC from its group's sibling frames on this origin, checks all
 * three and posts one card token. It shares the detected brand with the CVC
 * frame, whose length follows it.
 */
export class CardNumberForm extends FieldsForm<'number', NumberChecks> {
  readonly extraFields = cardExtraFields;
  protected readonly kind = cardNumberKind;

  private readonly group = new FrameCardGroup((message) => {
    if (message.type === 'hello') this.shareBrand();
  });

  protected emptyValues(): Record<'number', string> {
    return { number: '' };
  }

  protected fieldNames(): 'number'[] {
    return ['number'];
  }

  protected check(): NumberChecks {
    return { number: checkCardNumber(this.values.number, this.options.brands) };
  }

  protected override brand(): string {
    return this.checks.number.brand?.type ?? 'unknown';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('options')) this.group.join(this.options.group);
    if (changed.has('options') || changed.has('values')) this.shareBrand();
  }

  tokenParams(extra: Record<string, string>): Record<string, string> {
    const params: Record<string, string> = {};
    for (const [field, value] of Object.entries(extra)) params[`card[${field}]`] = value;
    params['card[number]'] = digitsOnly(this.values.number);
    return params;
  }

  override async prepareToken(
    extra: Record<string, string>,
  ): Promise<{ params: Record<string, string> } | { error: TokenError }> {
    const brand = this.checks.number.brand;
    const invalid = this.validateAll();
    // The host hears the number's error before the token's result.
    await this.updateComplete;
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

  override render() {
    return this.renderField('number', cardNumberInput(this.localize.t.card.number, this.checks.number.brand));
  }

  private shareBrand(): void {
    this.group.post({ type: 'brand', brand: this.checks.number.brand?.type ?? '' });
  }
}

customElements.define('tf-card-number-form', CardNumberForm);

declare global {
  interface HTMLElementTagNameMap {
    'tf-card-number-form': CardNumberForm;
  }
}
