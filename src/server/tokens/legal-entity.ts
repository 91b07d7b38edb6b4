import { StripeError } from '../errors';
import { field, readString, type FieldReader, type Shape } from './params';
import { checkIdNumberParam } from './pii';

/**
 * The parameter shapes of Stripe's account and person tokens that tokenframe
 * accepts (Japanese kana/kanji fields are not supported). Shared by
 * `account.ts` and `person.ts`.
 */

function emptyNotAllowed(param: string): StripeError {
  return new StripeError(
    400,
    'invalid_request_error',
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    'parameter_invalid_empty',
    param,
  );
}

/** An ID number (SSN, national ID, tax ID), checked like `pii[id_number]`. */
const idNumber: FieldReader = (value, param) => {
  const text = readString(value, param);
  if (text === '') throw emptyNotAllowed(param);
  if (text !== undefined) checkIdNumberParam(text, param);
  return text;
};

const ssnLast4: FieldReader = (value, param) => {
  const text = readString(value, param);
  if (text === '') throw emptyNotAllowed(param);
  if (text !== undefined && !/^\d{4}$/.test(text)) {
    throw new StripeError(
      400,
      'invalid_request_error',
      `Invalid ${param}: must be the last 4 digits of a US Social Security number.`,
      'id_number_invalid',
      param,
    );
  }
  return text;
};

const addressShape: Shape = {
  line1: field.string,
  line2: field.string,
  city: field.string,
  state: field.string,
  postal_code: field.string,
  country: field.string,
};

const documentShape: Shape = { front: field.string, back: field.string };

const verificationShape: Shape = { document: documentShape, additional_document: documentShape };

/** What an account token's individual and a person token both describe. */
const personDetailsShape: Shape = {
  first_name: field.string,
  last_name: field.string,
  maiden_name: field.string,
  email: field.string,
  phone: field.string,
  gender: field.string,
  id_number: idNumber,
  id_number_secondary: idNumber,
  ssn_last_4: ssnLast4,
  dob: field.dateOfBirth,
  address: addressShape,
  registered_address: addressShape,
  metadata: field.metadata,
  political_exposure: field.enum(['existing', 'none']),
  verification: verificationShape,
};

const individualShape: Shape = {
  ...personDetailsShape,
  relationship: {
    director: field.boolean,
    executive: field.boolean,
    owner: field.boolean,
    percent_ownership: field.decimal(0, 100),
    title: field.string,
  },
};

export const personShape: Shape = {
  ...personDetailsShape,
  nationality: field.string,
  relationship: {
    director: field.boolean,
    executive: field.boolean,
    owner: field.boolean,
    representative: field.boolean,
    percent_ownership: field.decimal(0, 100),
    title: field.string,
  },
};

const companyShape: Shape = {
  name: field.string,
  tax_id: field.string,
  vat_id: field.string,
  phone: field.string,
  registration_number: field.string,
  structure: field.string,
  directors_provided: field.boolean,
  executives_provided: field.boolean,
  owners_provided: field.boolean,
  address: addressShape,
  verification: { document: documentShape },
};

const businessTypes = ['individual', 'company', 'non_profit', 'government_entity'] as const;

export const accountShape: Shape = {
  business_type: field.enum(businessTypes),
  individual: individualShape,
  company: companyShape,
  tos_shown_and_accepted: field.boolean,
};
