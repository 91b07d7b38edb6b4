// card.ts, and so every frame page, imports this module: it must stay free of card-validator's index
// (brand-lookup.ts has what needs it).

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
