import type { Catalog } from './en';

const sk: Catalog = {
  titles: {
    card: 'Zabezpečené pole pre údaje o karte',
    'bank-account': 'Zabezpečené pole pre údaje o bankovom účte',
    'cvc-update': 'Zabezpečené pole pre bezpečnostný kód',
    pii: 'Zabezpečené pole pre identifikačné číslo',
    'card-number': 'Zabezpečené pole pre číslo karty',
    'card-expiry': 'Zabezpečené pole pre dátum platnosti',
    'card-cvc': 'Zabezpečené pole pre kód CVC',
  },
  incomplete: {
    card: 'Vyplňte údaje o karte.',
    'bank-account': 'Vyplňte údaje o bankovom účte.',
    'cvc-update': 'Zadajte bezpečnostný kód karty.',
    pii: 'Zadajte svoje identifikačné číslo.',
    'card-number': 'Zadajte číslo karty.',
    'card-expiry': 'Zadajte dátum platnosti karty.',
    'card-cvc': 'Zadajte bezpečnostný kód karty.',
  },
  card: {
    number: 'Číslo karty',
    expiry: 'Platnosť do',
    expiryPlaceholder: 'MM / RR',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'PSČ',
  },
  cvcUpdate: {
    securityCode: 'Bezpečnostný kód',
    brandSecurityCode: (brand) => `Bezpečnostný kód ${brand}`,
  },
  bank: {
    routingNumber: 'Smerové číslo banky',
    accountNumber: 'Číslo účtu',
    confirmAccountNumber: 'Potvrďte číslo účtu',
    iban: 'IBAN',
    holderName: 'Meno majiteľa účtu',
    holderType: 'Typ účtu',
    individual: 'Fyzická osoba',
    company: 'Firma',
  },
  pii: {
    ssn: 'Číslo sociálneho zabezpečenia (SSN)',
    itin: 'Individuálne daňové identifikačné číslo (ITIN)',
    id: 'Identifikačné číslo',
    showNumber: 'Zobraziť číslo',
  },
  errors: {
    incomplete_number: 'Číslo karty je neúplné.',
    incorrect_number: 'Číslo karty je nesprávne.',
    card_brand_not_accepted: 'Značka vašej karty nie je akceptovaná.',
    incomplete_expiry: 'Dátum platnosti karty je neúplný.',
    invalid_expiry_month: 'Mesiac platnosti karty je neplatný.',
    invalid_expiry_year: 'Rok platnosti karty je neplatný.',
    incomplete_cvc: 'Bezpečnostný kód karty je neúplný.',
    invalid_cvc: 'Bezpečnostný kód karty je neplatný.',
    incomplete_zip: 'PSČ je neúplné.',
    incomplete_routing_number: 'Smerové číslo banky je neúplné.',
    routing_number_invalid: 'Smerové číslo banky je neplatné.',
    incomplete_account_number: 'Číslo účtu je neúplné.',
    account_number_invalid: 'Číslo účtu je neplatné.',
    account_number_mismatch: 'Čísla účtov sa nezhodujú.',
    incomplete_account_holder_name: 'Zadajte meno majiteľa účtu.',
    incomplete_iban: 'IBAN je neúplný.',
    iban_invalid: 'IBAN je neplatný.',
    incomplete_id_number: 'Identifikačné číslo je neúplné.',
    id_number_invalid: 'Identifikačné číslo je neplatné.',
    parameter_missing: 'Chýba povinný parameter.',
  },
  messages: {
    // 2 to 4 take "číslice", 5 and more "číslic" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Bezpečnostný kód karty musí mať ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'číslice' : 'číslic'}.`,
    // Intl names the month in the nominative ("marec 2024"), not the case a sentence needs: keep it apart.
    cardExpired: (month, year, f) => `Platnosť karty skončila (${f.monthYear(month, year)}).`,
    // Country names decline (z Nemecka, zo Slovenska): name the country apart.
    ibanFromCountry: (country, f) => `Zadajte IBAN z tejto krajiny: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Platobnú službu sa nepodarilo kontaktovať. Skontrolujte pripojenie a skúste to znova.',
    rate_limit: 'Príliš veľa pokusov v krátkom čase. Chvíľu počkajte a skúste to znova.',
    api_error: 'Na našej strane sa vyskytla chyba. Skúste to znova.',
    card_field_unavailable: 'Časť formulára karty neodpovedá. Znova načítajte stránku a skúste to znova.',
  },
};

export default sk;
