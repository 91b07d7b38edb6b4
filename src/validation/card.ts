// The number's rule from its own module rather than card-validator's index,
// which pulls in every rule (dates, names) and adds their weight to the card
// page; the expiry and CVC rules, a few lines each, are written here.
import { cardNumber } from 'card-validator/dist/card-number.js';
import { stripeBrand } from './brand-by-name';
import { validationError, type ValidationCode, type ValidationError } from './errors';

/**
 * Card rules, shared by the frame (feedback while typing) and the service
 * (which never trusts the client). Pure functions, no DOM.
 */

/** The optional, non-sensitive card details echoed back in the token (`card[name]`, …). */
export const cardHolderFields = [
  'name',
  'address_line1',
  'address_line2',
  'address_city',
  'address_state',
  'address_zip',
  'address_country',
] as const;

/** What a merchant may add to a card through `tokenize(extra)`: the holder details and the currency. */
export const cardExtraFields = [...cardHolderFields, 'currency'] as const;

/** Every `card[...]` parameter a card token accepts; anything else is `parameter_unknown`. */
export const cardParamNames = ['number', 'exp_month', 'exp_year', 'cvc', ...cardExtraFields] as const;

/** Where a field stands: what the frame shows and what the service accepts. */
export type FieldState = 'empty' | 'incomplete' | 'invalid' | 'complete';

export interface FieldCheck {
  state: FieldState;
  /** Present whenever state is not `complete`. */
  error?: ValidationError;
}

export interface CardBrand {
  /** card-validator's identifier: `visa`, `american-express`, … */
  type: string;
  /** The brand as Stripe's card object names it: `Visa`, `American Express`, … */
  name: string;
  /** Positions after which the number is shown with a space. */
  gaps: number[];
  lengths: number[];
  cvcLength: number;
}

/** Strips the spaces and dashes people type or paste; keeps anything else so it fails. */
function stripSeparators(value: string): string {
  return value.replace(/[\s-]/g, '');
}

type BrandInfo = NonNullable<ReturnType<typeof cardNumber>['card']>;

/** card-validator's description of a brand as the frame and the service use it. */
export function toBrand(info: BrandInfo): CardBrand {
  return {
    type: info.type,
    // Stripe's card object names every brand as card-validator does, but for its capital C in MasterCard.
    name: info.type === 'mastercard' ? 'MasterCard' : info.niceType,
    gaps: info.gaps,
    lengths: info.lengths,
    cvcLength: info.code.size,
  };
}

export function cardBrand(number: string): CardBrand | null {
  const { card } = cardNumber(stripSeparators(number));
  return card ? toBrand(card) : null;
}

/** A number's check, with the brand its digits name so far. */
export type NumberCheck = FieldCheck & { brand: CardBrand | null };

/**
 * The number's check: complete, still being typed, or wrong; and refused as
 * soon as its brand is known when `brands` (the frame's `brands` option:
 * Stripe's names, separated by commas or spaces) does not list it. The service passes no
 * `brands`: every brand.
 */
export function checkCardNumber(number: string, brands = ''): NumberCheck {
  const digits = stripSeparators(number);
  // One pass over the brand table: the option only changes `isValid` for UnionPay, never the brand found.
  const result = cardNumber(digits, { luhnValidateUnionPay: true });
  const brand = result.card ? toBrand(result.card) : null;
  const accepted = brands.toLowerCase().match(/[\w-]+/g);
  if (brand && accepted && !accepted.includes(stripeBrand(brand.type))) {
    return { state: 'invalid', brand, error: validationError('card_brand_not_accepted', 'card[number]') };
  }
  if (digits === '') return { state: 'empty', brand, error: validationError('incomplete_number', 'card[number]') };
  if (result.isValid) return { state: 'complete', brand };
  // A number as long as the brand's shortest card that still fails is a typo,
  // not a number still being typed.
  const reachedLength = brand !== null && digits.length >= Math.min(...brand.lengths);
  if (result.isPotentiallyValid && /^\d+$/.test(digits) && !reachedLength) {
    return { state: 'incomplete', brand, error: validationError('incomplete_number', 'card[number]') };
  }
  return { state: 'invalid', brand, error: validationError('incorrect_number', 'card[number]') };
}

/** How many years ahead a card's expiry may be, as card-validator and Stripe's card element accept. */
const MAX_YEARS_AHEAD = 19;

/**
 * Accepts a month as `5` or `05`, a year as `27` or `2027`, from this month up
 * to 19 years ahead. A year still being typed (one digit, or `20x` on the way
 * to `20xx`) is incomplete; `20` is 2020, expired, even if a digit may follow.
 */
export function checkExpiry(month: string, year: string): FieldCheck {
  const now = new Date();
  const thisYear = now.getFullYear();
  const full = fullYear(year);
  const problem: [FieldState, ValidationCode, 'month' | 'year'] | null =
    month === '' && year === ''
      ? ['empty', 'incomplete_expiry', 'month']
      : /^0?$/.test(month)
        ? ['incomplete', 'incomplete_expiry', 'month']
        : !/^\d\d?$/.test(month) || +month < 1 || +month > 12
          ? ['invalid', 'invalid_expiry_month', 'month']
          : /^(\d?|20\d)$/.test(year)
            ? ['incomplete', 'incomplete_expiry', 'year']
            : !/^(\d\d|\d{4})$/.test(year) || full < thisYear || full > thisYear + MAX_YEARS_AHEAD
              ? ['invalid', 'invalid_expiry_year', 'year']
              : full === thisYear && +month <= now.getMonth()
                ? ['invalid', 'invalid_expiry_month', 'month']
                : null;
  return problem
    ? { state: problem[0], error: validationError(problem[1], `card[exp_${problem[2]}]`) }
    : { state: 'complete' };
}

/** The CVC length follows the brand; an unknown brand accepts 3 or 4 digits. */
export function checkCvc(cvc: string, brand: CardBrand | null): FieldCheck {
  if (cvc === '') return { state: 'empty', error: validationError('incomplete_cvc', 'card[cvc]') };
  const lengths = brand ? [brand.cvcLength] : [3, 4];
  if (/^\d*$/.test(cvc) && lengths.includes(cvc.length)) return { state: 'complete' };
  if (/^\d*$/.test(cvc) && cvc.length < lengths[0]) {
    return { state: 'incomplete', error: validationError('incomplete_cvc', 'card[cvc]') };
  }
  return { state: 'invalid', error: validationError('invalid_cvc', 'card[cvc]') };
}

/**
 * Postal codes by their shape, since the card form asks no country (Stripe's
 * card element checks the code by the country it guesses). Accepted: a US ZIP
 * (5 digits, or 9 as ZIP+4), a Canadian (`A1A 1A1`) or UK (`SW1A 1AA`)
 * postcode, and otherwise any 3 to 10 letters and digits, with spaces or
 * dashes between them. Shown in capitals; a complete US ZIP+4, Canadian or UK
 * code is spaced the way it is written, anything else stays as typed.
 */
export function checkPostalCode(zip: string): FieldCheck {
  const compact = zip.replace(/[\s-]/g, '');
  if (compact === '') return { state: 'empty', error: validationError('incomplete_zip', 'card[address_zip]') };
  if (/^[A-Z\d]{3,10}$/i.test(compact)) return { state: 'complete' };
  return { state: 'incomplete', error: validationError('incomplete_zip', 'card[address_zip]') };
}

/**
 * A postal code shown as `checkPostalCode` describes: `941071234` → `94107-1234`, `k1a0b1` → `K1A 0B1`,
 * `sw1a1aa` → `SW1A 1AA` (one pattern: a UK outward code, which a Canadian first half also fits, then an
 * inward code or a Canadian second half); anything else in capitals, as typed.
 */
export function formatPostalCode(zip: string): string {
  const typed = zip.toUpperCase().slice(0, 10);
  const compact = typed.replace(/[\s-]/g, '');
  const spaced = compact
    .replace(/^(\d{5})(\d{4})$/, '$1-$2')
    .replace(/^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z][A-Z\d])$/, '$1 $2');
  return spaced === compact ? typed : spaced;
}

/** Expands a two-digit year the way people write it on a card (`27` → 2027). */
export function fullYear(year: string): number {
  const value = Number(year);
  return year.length <= 2 ? 2000 + value : value;
}

export interface CardParams {
  number?: unknown;
  exp_month?: unknown;
  exp_year?: unknown;
  cvc?: unknown;
  [other: string]: unknown;
}

export interface ValidCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string | null;
  brand: CardBrand;
}

/**
 * The service's check of a `card[...]` parameter set: required fields first
 * (`parameter_missing`), then the same rules the frame applied. `checkNumber`
 * is `checkCardNumber` or one giving the same answers faster
 * (`checkCardNumberCached`, the service's).
 */
export function validateCardParams(
  card: CardParams,
  checkNumber: (digits: string) => NumberCheck = checkCardNumber,
): { ok: true; card: ValidCard } | { ok: false; error: ValidationError } {
  for (const field of ['number', 'exp_month', 'exp_year'] as const) {
    const value = card[field];
    if (value === undefined || value === '') {
      return { ok: false, error: validationError('parameter_missing', `card[${field}]`) };
    }
  }
  const asText = (value: unknown) => (typeof value === 'string' ? value.trim() : '\u0000');
  const number = stripSeparators(asText(card.number));
  const numberCheck = checkNumber(number);
  if (numberCheck.state !== 'complete' || !numberCheck.brand) {
    return { ok: false, error: validationError('incorrect_number', 'card[number]') };
  }
  const month = asText(card.exp_month);
  const year = asText(card.exp_year);
  if (!/^\d{1,2}$/.test(month)) return { ok: false, error: validationError('invalid_expiry_month', 'card[exp_month]') };
  if (!/^(\d{2}|\d{4})$/.test(year))
    return { ok: false, error: validationError('invalid_expiry_year', 'card[exp_year]') };
  const expiry = checkExpiry(month, year);
  if (expiry.state !== 'complete') {
    const code = expiry.error?.param === 'card[exp_year]' ? 'invalid_expiry_year' : 'invalid_expiry_month';
    return {
      ok: false,
      error: validationError(code, code === 'invalid_expiry_year' ? 'card[exp_year]' : 'card[exp_month]'),
    };
  }
  let cvc: string | null = null;
  if (card.cvc !== undefined && card.cvc !== '') {
    cvc = asText(card.cvc);
    if (checkCvc(cvc, numberCheck.brand).state !== 'complete') {
      return { ok: false, error: validationError('invalid_cvc', 'card[cvc]') };
    }
  }
  return {
    ok: true,
    card: { number, expMonth: Number(month), expYear: fullYear(year), cvc, brand: numberCheck.brand },
  };
}
