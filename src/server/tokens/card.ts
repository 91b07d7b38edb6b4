import type { cardHolderFields, ValidCard } from '../validation/card';
import type { CardMetadata } from './card-metadata';

export type CardHolderDetails = Record<(typeof cardHolderFields)[number], string | null>;

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
  tokenization_method: null;
  wallet: null;
}

export interface CardToken {
  id: string;
  object: 'token';
  card: CardObject;
  client_ip: string | null;
  created: number;
  livemode: false;
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
      tokenization_method: null,
      wallet: null,
    },
    client_ip: input.clientIp,
    created: input.created,
    livemode: false,
    type: 'card',
    used: false,
  };
}
