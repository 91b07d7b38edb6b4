import type { CardBrand, FieldCheck } from './card';
import { validationError } from './errors';

// The card page imports this module: it must stay free of card-validator's index (see brand-lookup.ts).

/** card-validator's types that Stripe names differently; every other type is Stripe's name as it is. */
export const stripeNames: Record<string, string> = {
  'american-express': 'amex',
  'diners-club': 'diners',
  'master-card': 'mastercard',
};

/**
 * A brand in Stripe's vocabulary (`amex`, `diners`, `mastercard`, `visa`, `unionpay`, …, `unknown` when none
 * was detected) from card-validator's type (`american-express`, …): what `change.brand` and the `brands`
 * option say. The only mapping between the two vocabularies.
 */
export function stripeBrand(type: string | null | undefined): string {
  return type ? (stripeNames[type] ?? type) : 'unknown';
}

/**
 * The number's check, refused as soon as its brand is known when the brand is
 * not among `brands` (the merchant's `brands` option: Stripe's names,
 * comma-separated; absent or empty accepts every brand).
 */
export function acceptedBrand<C extends FieldCheck & { brand: CardBrand | null }>(check: C, brands = ''): C {
  const accepted = brands.toLowerCase().match(/[\w-]+/g);
  return accepted && check.brand && !accepted.includes(stripeBrand(check.brand.type))
    ? { ...check, state: 'invalid', error: validationError('card_brand_not_accepted', 'card[number]') }
    : check;
}
