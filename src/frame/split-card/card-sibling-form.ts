import type { FrameOptions, TokenError } from '../../protocol/messages';
import { FrameCardGroup, tokenizeOnNumber, type GroupMessage, type SiblingField } from './frame-card-group';
import { FieldsForm } from '../fields-form';

/**
 * The expiry and CVC frames of a split card: each holds one field and hands
 * its parameters only to its group's number frame, when that frame collects
 * them to tokenize. The host cannot tokenize them directly.
 */
export abstract class CardSiblingForm<F extends SiblingField> extends FieldsForm<F> {
  readonly extraFields = [] as const;
  protected abstract readonly field: F;
  protected readonly group = new FrameCardGroup((message) => this.handleGroupMessage(message));

  applyOptions(options: FrameOptions): void {
    this.disabled = Boolean(options.disabled);
    this.group.join(options.group);
    this.group.post({ type: 'hello' });
  }

  override async prepareToken(): Promise<{ error: TokenError }> {
    return { error: tokenizeOnNumber };
  }

  /** The brand the number frame detected; only the CVC cares. */
  protected useBrand(_brand: string): void {}

  private handleGroupMessage(message: GroupMessage): void {
    if (message.type === 'brand') {
      this.useBrand(message.brand);
    } else if (message.type === 'validate') {
      this.useBrand(message.brand);
      this.validateAll();
    } else if (message.type === 'collect') {
      this.useBrand(message.brand);
      const error = this.validateAll();
      const answer = error ? { error } : { params: this.tokenParams({}) };
      this.group.post({ type: 'collected', requestId: message.requestId, field: this.field, ...answer });
    }
  }
}
