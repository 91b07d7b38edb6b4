import { checkCardNumberCached } from '../../validation/card-number-cache';
import { cardHolderFields, cardParamNames, validateCardParams, type ValidCard } from '../../validation/card';
import { cardMetadata, type CardMetadata } from '../card-metadata';
import { missingParam, StripeError } from '../errors';
import { newId } from '../ids';
import type { PublicToken } from '../storage/types';
import { checkKnownParams, readDictionary, readString } from './params';
import { isKnownTestCard, liveModeTestCard } from './test-cards';
import type { TokenBuilder } from './types';

export type CardHolderDetails = Record<(typeof cardHolderFields)[number], string | null>;

/**
 * Every field Stripe's OpenAPI spec marks as always present on a card
 * (`components.schemas.card.required`), plus `wallet`, which the API
 * reference's token examples show. Optional fields (`allow_redisplay`,
 * `networks`, `customer`, …) are left out, as Stripe leaves them out of a
 * token's card.
 */
export interface CardObject {
  id: string;
  object: 'card';
  address_city: string | null;
  address_country: string | null;
  address_line1: string | null;
  address_line1_check: 'unchecked' | null;
  address_line2: string | null;
  address_state: string | null;
  address_zip: string | null;
  address_zip_check: 'unchecked' | null;
  brand: string;
  country: string;
  cvc_check: 'unchecked' | null;
  dynamic_last4: null;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: CardMetadata['funding'];
  last4: string;
  metadata: Record<string, string>;
  name: string | null;
  regulated_status: CardMetadata['regulatedStatus'];
  tokenization_method: null;
  wallet: null;
}

export interface CardToken {
  id: string;
  object: 'token';
  card: CardObject;
  client_ip: string | null;
  created: number;
  livemode: boolean;
  type: 'card';
  used: boolean;
}

export interface CardTokenInput {
  id: string;
  cardId: string;
  card: ValidCard;
  holder: CardHolderDetails;
  fingerprint: string;
  metadata: CardMetadata;
  clientIp: string | null;
  created: number;
  livemode: boolean;
}

/**
 * The public token object, field for field as Stripe returns it. Only the
 * last four digits of the number leave this function; the CVC never does.
 * Checks say `unchecked` when a value was given, because test mode verifies
 * nothing with an issuer.
 */
export function buildCardToken(input: CardTokenInput): CardToken {
  const { card, holder } = input;
  return {
    id: input.id,
    object: 'token',
    card: {
      id: input.cardId,
      object: 'card',
      address_city: holder.address_city,
      address_country: holder.address_country,
      address_line1: holder.address_line1,
      address_line1_check: holder.address_line1 ? 'unchecked' : null,
      address_line2: holder.address_line2,
      address_state: holder.address_state,
      address_zip: holder.address_zip,
      address_zip_check: holder.address_zip ? 'unchecked' : null,
      brand: card.brand.name,
      country: input.metadata.country,
      cvc_check: card.cvc ? 'unchecked' : null,
      dynamic_last4: null,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: input.fingerprint,
      funding: input.metadata.funding,
      last4: card.number.slice(-4),
      metadata: {},
      name: holder.name,
      regulated_status: input.metadata.regulatedStatus,
      tokenization_method: null,
      wallet: null,
    },
    client_ip: input.clientIp,
    created: input.created,
    livemode: input.livemode,
    type: 'card',
    used: false,
  };
}

/**
 * `card[...]`: the shape first (unknown names, strings only), so errors name
 * the right parameter, then the card rules the frame applies too. A card that
 * fails them is a 402 `card_error`, as in Stripe.
 */
export const tokenizeCard: TokenBuilder = (value, context) => {
  const params = readDictionary(value, 'card');
  checkKnownParams(params, cardParamNames, 'card');
  for (const name of cardParamNames) readString(params[name], `card[${name}]`);
  const holder = Object.fromEntries(
    cardHolderFields.map((name) => {
      const text = readString(params[name], `card[${name}]`) ?? '';
      return [name, text === '' ? null : text];
    }),
  ) as CardHolderDetails;

  const result = validateCardParams(params, checkCardNumberCached);
  if (!result.ok) {
    if (result.error.code === 'parameter_missing') throw missingParam(result.error.param);
    throw new StripeError(402, 'card_error', result.error.message, result.error.code, result.error.param);
  }
  const card = result.card;
  if (context.livemode && isKnownTestCard(card.number)) throw liveModeTestCard();
  const cardFingerprint = context.fingerprint(card.number);
  const token = buildCardToken({
    id: newId('tok'),
    cardId: newId('card'),
    card,
    holder,
    fingerprint: cardFingerprint,
    metadata: cardMetadata(card.number),
    clientIp: context.clientIp,
    created: context.created,
    livemode: context.livemode,
  });
  return {
    token: token as unknown as PublicToken,
    secret: { number: card.number, cvc: card.cvc, exp_month: card.expMonth, exp_year: card.expYear },
    fingerprint: cardFingerprint,
  };
};
