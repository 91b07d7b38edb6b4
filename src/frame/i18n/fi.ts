import type { Catalog } from './en';

const fi: Catalog = {
  titles: {
    card: 'Suojattu korttitietojen kenttä',
    'bank-account': 'Suojattu pankkitilin tietojen kenttä',
    'cvc-update': 'Suojattu turvakoodin kenttä',
    pii: 'Suojattu henkilötunnuksen kenttä',
    'card-number': 'Suojattu kortin numeron kenttä',
    'card-expiry': 'Suojattu voimassaolopäivän kenttä',
    'card-cvc': 'Suojattu CVC-kenttä',
  },
  incomplete: {
    card: 'Täytä korttisi tiedot.',
    'bank-account': 'Täytä pankkitilisi tiedot.',
    'cvc-update': 'Anna korttisi turvakoodi.',
    pii: 'Anna henkilötunnuksesi.',
    'card-number': 'Anna korttisi numero.',
    'card-expiry': 'Anna korttisi voimassaolopäivä.',
    'card-cvc': 'Anna korttisi turvakoodi.',
  },
  card: {
    number: 'Kortin numero',
    expiry: 'Voimassa',
    expiryPlaceholder: 'KK / VV',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Postinumero',
  },
  cvcUpdate: {
    securityCode: 'Turvakoodi',
    // A hyphenated compound would need a space before the hyphen for a two-word brand (American Express -turvakoodi).
    brandSecurityCode: (brand) => `Turvakoodi (${brand})`,
  },
  bank: {
    routingNumber: 'Pankin reititysnumero',
    accountNumber: 'Tilinumero',
    confirmAccountNumber: 'Vahvista tilinumero',
    iban: 'IBAN',
    holderName: 'Tilinomistajan nimi',
    holderType: 'Tilin tyyppi',
    individual: 'Yksityishenkilö',
    company: 'Yritys',
  },
  pii: {
    ssn: 'Yhdysvaltain sosiaaliturvatunnus (SSN)',
    itin: 'Yksilöllinen verotunniste (ITIN)',
    id: 'Henkilötunnus',
    showNumber: 'Näytä numero',
  },
  errors: {
    incomplete_number: 'Kortin numero on puutteellinen.',
    incorrect_number: 'Kortin numero on virheellinen.',
    card_brand_not_accepted: 'Korttisi merkkiä ei hyväksytä.',
    incomplete_expiry: 'Kortin voimassaolopäivä on puutteellinen.',
    invalid_expiry_month: 'Kortin voimassaolokuukausi on virheellinen.',
    invalid_expiry_year: 'Kortin voimassaolovuosi on virheellinen.',
    incomplete_cvc: 'Kortin turvakoodi on puutteellinen.',
    invalid_cvc: 'Kortin turvakoodi on virheellinen.',
    incomplete_zip: 'Postinumero on puutteellinen.',
    incomplete_routing_number: 'Reititysnumero on puutteellinen.',
    routing_number_invalid: 'Reititysnumero on virheellinen.',
    incomplete_account_number: 'Tilinumero on puutteellinen.',
    account_number_invalid: 'Tilinumero on virheellinen.',
    account_number_mismatch: 'Tilinumerot eivät täsmää.',
    incomplete_account_holder_name: 'Anna tilinomistajan nimi.',
    incomplete_iban: 'IBAN on puutteellinen.',
    iban_invalid: 'IBAN on virheellinen.',
    incomplete_id_number: 'Henkilötunnus on puutteellinen.',
    id_number_invalid: 'Henkilötunnus on virheellinen.',
    parameter_missing: 'Pakollinen parametri puuttuu.',
  },
  messages: {
    cvcDigits: (digits, f) => `Kortin turvakoodissa on oltava ${f.number(digits)} numeroa.`,
    // Intl names the month in the nominative ("maaliskuu 2024"), not the case a sentence needs: keep it apart.
    cardExpired: (month, year, f) => `Korttisi voimassaolo on päättynyt (${f.monthYear(month, year)}).`,
    // Country names decline (Saksasta, Suomesta): name the country apart.
    ibanFromCountry: (country, f) => `Anna IBAN tästä maasta: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Maksupalveluun ei saatu yhteyttä. Tarkista yhteytesi ja yritä uudelleen.',
    rate_limit: 'Liian monta yritystä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    api_error: 'Meillä tapahtui virhe. Yritä uudelleen.',
    card_field_unavailable: 'Osa korttilomakkeesta ei vastannut. Lataa sivu uudelleen ja yritä uudelleen.',
  },
};

export default fi;
