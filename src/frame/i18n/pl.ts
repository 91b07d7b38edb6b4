import type { Catalog } from './en';

const pl: Catalog = {
  titles: {
    card: 'Bezpieczne pole danych karty',
    'bank-account': 'Bezpieczne pole danych rachunku bankowego',
    'cvc-update': 'Bezpieczne pole kodu zabezpieczającego',
    pii: 'Bezpieczne pole numeru identyfikacyjnego',
    'card-number': 'Bezpieczne pole numeru karty',
    'card-expiry': 'Bezpieczne pole daty ważności',
    'card-cvc': 'Bezpieczne pole kodu CVC',
  },
  incomplete: {
    card: 'Uzupełnij dane karty.',
    'bank-account': 'Uzupełnij dane rachunku bankowego.',
    'cvc-update': 'Wpisz kod zabezpieczający karty.',
    pii: 'Wpisz numer identyfikacyjny.',
    'card-number': 'Wpisz numer karty.',
    'card-expiry': 'Wpisz datę ważności karty.',
    'card-cvc': 'Wpisz kod zabezpieczający karty.',
  },
  card: {
    number: 'Numer karty',
    expiry: 'Data ważności',
    expiryPlaceholder: 'MM / RR',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Kod pocztowy',
  },
  cvcUpdate: {
    securityCode: 'Kod zabezpieczający',
    brandSecurityCode: (brand) => `Kod zabezpieczający ${brand}`,
  },
  bank: {
    routingNumber: 'Numer rozliczeniowy banku',
    accountNumber: 'Numer rachunku',
    confirmAccountNumber: 'Potwierdź numer rachunku',
    iban: 'IBAN',
    holderName: 'Imię i nazwisko właściciela rachunku',
    holderType: 'Rodzaj rachunku',
    individual: 'Osoba prywatna',
    company: 'Firma',
  },
  pii: {
    ssn: 'Numer ubezpieczenia społecznego (SSN)',
    itin: 'Indywidualny numer identyfikacji podatkowej (ITIN)',
    id: 'Numer identyfikacyjny',
    showNumber: 'Pokaż numer',
  },
  errors: {
    incomplete_number: 'Numer karty jest niekompletny.',
    incorrect_number: 'Numer karty jest nieprawidłowy.',
    card_brand_not_accepted: 'Marka Twojej karty nie jest akceptowana.',
    incomplete_expiry: 'Data ważności karty jest niekompletna.',
    invalid_expiry_month: 'Miesiąc ważności karty jest nieprawidłowy.',
    invalid_expiry_year: 'Rok ważności karty jest nieprawidłowy.',
    incomplete_cvc: 'Kod zabezpieczający karty jest niekompletny.',
    invalid_cvc: 'Kod zabezpieczający karty jest nieprawidłowy.',
    incomplete_zip: 'Kod pocztowy jest niekompletny.',
    incomplete_routing_number: 'Numer rozliczeniowy banku jest niekompletny.',
    routing_number_invalid: 'Numer rozliczeniowy banku jest nieprawidłowy.',
    incomplete_account_number: 'Numer rachunku jest niekompletny.',
    account_number_invalid: 'Numer rachunku jest nieprawidłowy.',
    account_number_mismatch: 'Numery rachunków nie są zgodne.',
    incomplete_account_holder_name: 'Wpisz imię i nazwisko właściciela rachunku.',
    incomplete_iban: 'Numer IBAN jest niekompletny.',
    iban_invalid: 'Numer IBAN jest nieprawidłowy.',
    incomplete_id_number: 'Numer identyfikacyjny jest niekompletny.',
    id_number_invalid: 'Numer identyfikacyjny jest nieprawidłowy.',
    parameter_missing: 'Brakuje wymaganego parametru.',
  },
  messages: {
    // 2 to 4 take "cyfry", 5 and more "cyfr" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Kod zabezpieczający karty musi mieć ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'cyfry' : 'cyfr'}.`,
    // Intl names the month in the nominative ("marzec 2024"), not the case a sentence needs: keep it apart.
    cardExpired: (month, year, f) => `Karta straciła ważność (${f.monthYear(month, year)}).`,
    // Country names decline (z Niemiec, z Polski): name the country apart.
    ibanFromCountry: (country, f) => `Wpisz numer IBAN z tego kraju: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Nie można połączyć się z usługą płatności. Sprawdź połączenie i spróbuj ponownie.',
    rate_limit: 'Zbyt wiele prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.',
    api_error: 'Wystąpił błąd po naszej stronie. Spróbuj ponownie.',
    card_field_unavailable: 'Część formularza karty nie odpowiada. Odśwież stronę i spróbuj ponownie.',
  },
};

export default pl;
