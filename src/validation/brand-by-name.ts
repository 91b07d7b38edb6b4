import cardValidator from 'card-validator';
import { toBrand, type CardBrand } from './card';

// Its own module because the brand table lookup needs card-validator's index:
// only the CVC-only frames load it, not the card page.

const brandAliases: Record<string, string> = { amex: 'american-express', diners: 'diners-club' };

/**
 * The brand named by a merchant (`amex`, `American Express`, `visa`, …), for
 * fields that check a CVC without a card number.
 */
export function brandByName(name: string): CardBrand | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, '-');
  const type = brandAliases[key] ?? key;
  const info = cardValidator.creditCardType.getTypeInfo(type);
  return info ? toBrand(info) : null;
}
