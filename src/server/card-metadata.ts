import { isKnownTestCard } from './tokens/test-cards';

/**
 * What a card network would tell us about a card (funding type, issuing
 * country, whether its issuer's interchange is regulated). In test mode it
 * follows Stripe's documented test cards.
 */
export type CardFunding = 'credit' | 'debit' | 'prepaid' | 'unknown';

export interface CardMetadata {
  funding: CardFunding;
  country: string;
  /** Null when unknown: without an issuer's BIN table only Stripe's test cards are known (all unregulated). */
  regulatedStatus: 'regulated' | 'unregulated' | null;
}

const testCardFunding: Record<string, CardFunding> = {
  '4000056655665556': 'debit',
  '5200828282828210': 'debit',
  '5105105105105100': 'prepaid',
};

export function cardMetadata(number: string): CardMetadata {
  return {
    funding: testCardFunding[number] ?? 'credit',
    country: 'US',
    regulatedStatus: isKnownTestCard(number) ? 'unregulated' : null,
  };
}
