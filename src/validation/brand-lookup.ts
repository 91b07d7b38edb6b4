import cardValidator from 'card-validator';
import { stripeNames } from './brand-by-name';
import { toBrand, type CardBrand } from './card';

// Its own module because the brand table lookup needs card-validator's index:
// only the CVC-only frames load it, not the card page.

/**
 * The brand named by a merchant (`amex`, `American Express`, `visa`, …), for
 * fields that check a CVC without a card number.
 */
export function brandByName(name: string): CardBrand | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, '-');
  const { getTypeInfo } = cardValidator.creditCardType;
  const info =
    getTypeInfo(key) ?? getTypeInfo(Object.keys(stripeNames).find((type) => stripeNames[type] === key) ?? '');
  return info ? toBrand(info) : null;
}
