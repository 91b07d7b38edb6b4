import type { PropertyValues } from 'lit';
import type { TokenError } from '../../protocol/messages';
import { FieldsForm } from '../fields-form';
import { FrameCardGroup, tokenizeOnNumber, type GroupMessage, type SiblingField } from './frame-card-group';

/**
 * The expiry and CVC frames of a split card: each holds one field and hands
 * its parameters only to its group's number frame, when that frame collects
 * them to tokenize. The host cannot tokenize them directly.
 */
export abstract class CardSiblingForm<F extends SiblingField> extends FieldsForm<F> {
  readonly extraFields = [] as const;
  protected abstract readonly field: F;
  protected readonly group = new FrameCardGroup((message) => void this.handleGroupMessage(message));

  protected fieldNames(): F[] {
    return [this.field];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('options')) {
      this.group.join(this.options.group);
      this.group.post({ type: 'hello' });
    }
  }

  override async prepareToken(): Promise<{ error: TokenError }> {
    return { error: tokenizeOnNumber };
  }

  /** The brand the number frame detected; only the CVC cares. */
  protected useBrand(_brand: string): void {}

  private async handleGroupMessage(message: GroupMessage): Promise<void> {
    if (message.type !== 'brand' && message.type !== 'validate' && message.type !== 'collect') return;
    this.useBrand(message.brand);
    if (message.type === 'brand') return;
    // Judged once the checks have followed the brand.
    await this.updateComplete;
    const error = this.validateAll();
    if (message.type === 'collect') {
      const answer = error ? { error } : { params: this.tokenParams({}) };
      this.group.post({ type: 'collected', requestId: message.requestId, field: this.field, ...answer });
    }
  }
}
