import type { Catalog } from './en';

const ro: Catalog = {
  titles: {
    card: 'Câmp securizat pentru datele cardului',
    'bank-account': 'Câmp securizat pentru datele contului bancar',
    'cvc-update': 'Câmp securizat pentru codul de securitate',
    pii: 'Câmp securizat pentru numărul de identificare',
    'card-number': 'Câmp securizat pentru numărul cardului',
    'card-expiry': 'Câmp securizat pentru data expirării',
    'card-cvc': 'Câmp securizat pentru CVC',
  },
  incomplete: {
    card: 'Completați datele cardului.',
    'bank-account': 'Completați datele contului bancar.',
    'cvc-update': 'Introduceți codul de securitate al cardului.',
    pii: 'Introduceți numărul de identificare.',
    'card-number': 'Introduceți numărul cardului.',
    'card-expiry': 'Introduceți data expirării cardului.',
    'card-cvc': 'Introduceți codul de securitate al cardului.',
  },
  card: {
    number: 'Numărul cardului',
    expiry: 'Data expirării',
    expiryPlaceholder: 'LL / AA',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Cod poștal',
  },
  cvcUpdate: {
    securityCode: 'Cod de securitate',
    brandSecurityCode: (brand) => `Codul de securitate ${brand}`,
  },
  bank: {
    routingNumber: 'Cod de rutare bancară',
    accountNumber: 'Număr de cont',
    confirmAccountNumber: 'Confirmați numărul de cont',
    iban: 'IBAN',
    holderName: 'Numele titularului contului',
    holderType: 'Tipul contului',
    individual: 'Persoană fizică',
    company: 'Persoană juridică',
  },
  pii: {
    ssn: 'Număr de asigurare socială (SSN)',
    itin: 'Număr individual de identificare fiscală (ITIN)',
    id: 'Număr de identificare',
    showNumber: 'Afișați numărul',
  },
  errors: {
    incomplete_number: 'Numărul cardului este incomplet.',
    incorrect_number: 'Numărul cardului este incorect.',
    card_brand_not_accepted: 'Marca cardului dvs. nu este acceptată.',
    incomplete_expiry: 'Data expirării cardului este incompletă.',
    invalid_expiry_month: 'Luna expirării cardului nu este validă.',
    invalid_expiry_year: 'Anul expirării cardului nu este valid.',
    incomplete_cvc: 'Codul de securitate al cardului este incomplet.',
    invalid_cvc: 'Codul de securitate al cardului nu este valid.',
    incomplete_zip: 'Codul poștal este incomplet.',
    incomplete_routing_number: 'Codul de rutare bancară este incomplet.',
    routing_number_invalid: 'Codul de rutare bancară nu este valid.',
    incomplete_account_number: 'Numărul de cont este incomplet.',
    account_number_invalid: 'Numărul de cont nu este valid.',
    account_number_mismatch: 'Numerele de cont nu coincid.',
    incomplete_account_holder_name: 'Introduceți numele titularului contului.',
    incomplete_iban: 'Codul IBAN este incomplet.',
    iban_invalid: 'Codul IBAN nu este valid.',
    incomplete_id_number: 'Numărul de identificare este incomplet.',
    id_number_invalid: 'Numărul de identificare nu este valid.',
    parameter_missing: 'Lipsește un parametru obligatoriu.',
  },
  messages: {
    // Romanian puts "de" between a number and its noun from 20 upwards (3 cifre, 20 de cifre).
    cvcDigits: (digits, f) =>
      `Codul de securitate al cardului trebuie să aibă ${f.number(digits)} ${digits % 100 >= 20 ? 'de ' : ''}cifre.`,
    cardExpired: (month, year, f) => `Cardul a expirat în ${f.monthYear(month, year)}.`,
    ibanFromCountry: (country, f) => `Introduceți un cod IBAN din această țară: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Serviciul de plată nu poate fi accesat. Verificați conexiunea și încercați din nou.',
    rate_limit: 'Prea multe încercări într-un timp scurt. Așteptați puțin și încercați din nou.',
    api_error: 'A apărut o eroare la noi. Încercați din nou.',
    card_field_unavailable: 'O parte a formularului cardului nu răspunde. Reîncărcați pagina și încercați din nou.',
  },
};

export default ro;
