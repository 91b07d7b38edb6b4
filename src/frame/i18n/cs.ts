import type { Catalog } from './en';

const cs: Catalog = {
  titles: {
    card: 'Zabezpečené pole pro údaje o kartě',
    'bank-account': 'Zabezpečené pole pro údaje o bankovním účtu',
    'cvc-update': 'Zabezpečené pole pro bezpečnostní kód',
    pii: 'Zabezpečené pole pro identifikační číslo',
    'card-number': 'Zabezpečené pole pro číslo karty',
    'card-expiry': 'Zabezpečené pole pro datum platnosti',
    'card-cvc': 'Zabezpečené pole pro kód CVC',
  },
  incomplete: {
    card: 'Vyplňte prosím údaje o kartě.',
    'bank-account': 'Vyplňte prosím údaje o bankovním účtu.',
    'cvc-update': 'Zadejte prosím bezpečnostní kód karty.',
    pii: 'Zadejte prosím své identifikační číslo.',
    'card-number': 'Zadejte prosím číslo karty.',
    'card-expiry': 'Zadejte prosím datum platnosti karty.',
    'card-cvc': 'Zadejte prosím bezpečnostní kód karty.',
  },
  card: {
    number: 'Číslo karty',
    expiry: 'Platnost do',
    expiryPlaceholder: 'MM / RR',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'PSČ',
  },
  cvcUpdate: {
    securityCode: 'Bezpečnostní kód',
    brandSecurityCode: (brand) => `Bezpečnostní kód ${brand}`,
  },
  bank: {
    routingNumber: 'Směrovací číslo banky',
    accountNumber: 'Číslo účtu',
    confirmAccountNumber: 'Potvrďte číslo účtu',
    iban: 'IBAN',
    holderName: 'Jméno majitele účtu',
    holderType: 'Typ účtu',
    individual: 'Fyzická osoba',
    company: 'Firma',
  },
  pii: {
    ssn: 'Číslo sociálního zabezpečení (SSN)',
    itin: 'Individuální daňové identifikační číslo (ITIN)',
    id: 'Identifikační číslo',
    showNumber: 'Zobrazit číslo',
  },
  errors: {
    incomplete_number: 'Číslo karty je neúplné.',
    incorrect_number: 'Číslo karty je nesprávné.',
    card_brand_not_accepted: 'Značka vaší karty není přijímána.',
    incomplete_expiry: 'Datum platnosti karty je neúplné.',
    invalid_expiry_month: 'Měsíc platnosti karty je neplatný.',
    invalid_expiry_year: 'Rok platnosti karty je neplatný.',
    incomplete_cvc: 'Bezpečnostní kód karty je neúplný.',
    invalid_cvc: 'Bezpečnostní kód karty je neplatný.',
    incomplete_zip: 'PSČ je neúplné.',
    incomplete_routing_number: 'Směrovací číslo banky je neúplné.',
    routing_number_invalid: 'Směrovací číslo banky je neplatné.',
    incomplete_account_number: 'Číslo účtu je neúplné.',
    account_number_invalid: 'Číslo účtu je neplatné.',
    account_number_mismatch: 'Čísla účtů se neshodují.',
    incomplete_account_holder_name: 'Zadejte jméno majitele účtu.',
    incomplete_iban: 'IBAN je neúplný.',
    iban_invalid: 'IBAN je neplatný.',
    incomplete_id_number: 'Identifikační číslo je neúplné.',
    id_number_invalid: 'Identifikační číslo je neplatné.',
    parameter_missing: 'Chybí povinný parametr.',
  },
  messages: {
    // 2 to 4 take "číslice", 5 and more "číslic" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Bezpečnostní kód karty musí mít ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'číslice' : 'číslic'}.`,
    // Intl names the month in the nominative ("březen 2024"), not the case a sentence needs: keep it apart.
    cardExpired: (month, year, f) => `Platnost karty skončila (${f.monthYear(month, year)}).`,
    // Country names decline (z Německa, z Česka): name the country apart.
    ibanFromCountry: (country, f) => `Zadejte IBAN z této země: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Platební službu se nepodařilo kontaktovat. Zkontrolujte připojení a zkuste to znovu.',
    rate_limit: 'Příliš mnoho pokusů v krátké době. Chvíli počkejte a zkuste to znovu.',
    api_error: 'Na naší straně došlo k chybě. Zkuste to prosím znovu.',
    card_field_unavailable: 'Část formuláře karty neodpovídá. Načtěte stránku znovu a zkuste to znovu.',
  },
};

export default cs;
