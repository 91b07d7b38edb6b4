import type { Catalog } from './en';

const hr: Catalog = {
  titles: {
    card: 'Sigurno polje za podatke o kartici',
    'bank-account': 'Sigurno polje za podatke o bankovnom računu',
    'cvc-update': 'Sigurno polje za sigurnosni kôd',
    pii: 'Sigurno polje za identifikacijski broj',
    'card-number': 'Sigurno polje za broj kartice',
    'card-expiry': 'Sigurno polje za datum isteka',
    'card-cvc': 'Sigurno polje za CVC',
  },
  incomplete: {
    card: 'Ispunite podatke o kartici.',
    'bank-account': 'Ispunite podatke o bankovnom računu.',
    'cvc-update': 'Unesite sigurnosni kôd kartice.',
    pii: 'Unesite svoj identifikacijski broj.',
    'card-number': 'Unesite broj kartice.',
    'card-expiry': 'Unesite datum isteka kartice.',
    'card-cvc': 'Unesite sigurnosni kôd kartice.',
  },
  card: {
    number: 'Broj kartice',
    expiry: 'Datum isteka',
    expiryPlaceholder: 'MM / GG',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Poštanski broj',
  },
  cvcUpdate: {
    securityCode: 'Sigurnosni kôd',
    brandSecurityCode: (brand) => `Sigurnosni kôd kartice ${brand}`,
  },
  bank: {
    routingNumber: 'Usmjerni broj banke',
    accountNumber: 'Broj računa',
    confirmAccountNumber: 'Potvrdite broj računa',
    iban: 'IBAN',
    holderName: 'Ime vlasnika računa',
    holderType: 'Vrsta računa',
    individual: 'Fizička osoba',
    company: 'Tvrtka',
  },
  pii: {
    ssn: 'Broj socijalnog osiguranja (SSN)',
    itin: 'Individualni porezni identifikacijski broj (ITIN)',
    id: 'Identifikacijski broj',
    showNumber: 'Prikaži broj',
  },
  errors: {
    incomplete_number: 'Broj kartice nije potpun.',
    incorrect_number: 'Broj kartice nije točan.',
    card_brand_not_accepted: 'Marka vaše kartice nije prihvaćena.',
    incomplete_expiry: 'Datum isteka kartice nije potpun.',
    invalid_expiry_month: 'Mjesec isteka kartice nije valjan.',
    invalid_expiry_year: 'Godina isteka kartice nije valjana.',
    incomplete_cvc: 'Sigurnosni kôd kartice nije potpun.',
    invalid_cvc: 'Sigurnosni kôd kartice nije valjan.',
    incomplete_zip: 'Poštanski broj nije potpun.',
    incomplete_routing_number: 'Usmjerni broj banke nije potpun.',
    routing_number_invalid: 'Usmjerni broj banke nije valjan.',
    incomplete_account_number: 'Broj računa nije potpun.',
    account_number_invalid: 'Broj računa nije valjan.',
    account_number_mismatch: 'Brojevi računa se ne podudaraju.',
    incomplete_account_holder_name: 'Unesite ime vlasnika računa.',
    incomplete_iban: 'IBAN nije potpun.',
    iban_invalid: 'IBAN nije valjan.',
    incomplete_id_number: 'Identifikacijski broj nije potpun.',
    id_number_invalid: 'Identifikacijski broj nije valjan.',
    parameter_missing: 'Nedostaje obvezni parametar.',
  },
  messages: {
    // 2 to 4 take "znamenke", 5 and more "znamenaka" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Sigurnosni kôd kartice mora imati ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'znamenke' : 'znamenaka'}.`,
    // Intl names the month in the nominative ("ožujak 2024."), not the case a sentence needs: keep it apart.
    cardExpired: (month, year, f) => `Kartica je istekla (${f.monthYear(month, year)}).`,
    // Country names decline (iz Njemačke, iz Hrvatske): name the country apart.
    ibanFromCountry: (country, f) => `Unesite IBAN iz ove države: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Usluga plaćanja nije dostupna. Provjerite vezu i pokušajte ponovno.',
    rate_limit: 'Previše pokušaja u kratkom vremenu. Pričekajte trenutak i pokušajte ponovno.',
    api_error: 'Došlo je do pogreške na našoj strani. Pokušajte ponovno.',
    card_field_unavailable: 'Dio obrasca kartice ne odgovara. Ponovno učitajte stranicu i pokušajte ponovno.',
  },
};

export default hr;
