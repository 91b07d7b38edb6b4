import type { Catalog } from './en';

const de: Catalog = {
  titles: {
    card: 'Sichere Eingabe der Kartendaten',
    'bank-account': 'Sichere Eingabe der Bankverbindung',
    'cvc-update': 'Sichere Eingabe der Kartenprüfnummer',
    pii: 'Sichere Eingabe der Identifikationsnummer',
    'card-number': 'Sichere Eingabe der Kartennummer',
    'card-expiry': 'Sichere Eingabe des Ablaufdatums',
    'card-cvc': 'Sichere Eingabe der Kartenprüfnummer',
  },
  incomplete: {
    card: 'Bitte vervollständigen Sie Ihre Kartendaten.',
    'bank-account': 'Bitte vervollständigen Sie Ihre Bankkontodaten.',
    'cvc-update': 'Bitte geben Sie die Prüfnummer Ihrer Karte ein.',
    pii: 'Bitte geben Sie Ihre Ausweisnummer ein.',
    'card-number': 'Bitte geben Sie Ihre Kartennummer ein.',
    'card-expiry': 'Bitte geben Sie das Ablaufdatum Ihrer Karte ein.',
    'card-cvc': 'Bitte geben Sie die Prüfnummer Ihrer Karte ein.',
  },
  card: {
    number: 'Kartennummer',
    expiry: 'Ablaufdatum',
    expiryPlaceholder: 'MM / JJ',
    cvc: 'Prüfnummer',
    cvcPlaceholder: 'CVC',
    postalCode: 'Postleitzahl',
  },
  cvcUpdate: {
    securityCode: 'Kartenprüfnummer',
    brandSecurityCode: (brand) => `Kartenprüfnummer (${brand})`,
  },
  bank: {
    routingNumber: 'Routingnummer',
    accountNumber: 'Kontonummer',
    confirmAccountNumber: 'Kontonummer bestätigen',
    iban: 'IBAN',
    holderName: 'Name des Kontoinhabers',
    holderType: 'Kontoart',
    individual: 'Privatperson',
    company: 'Unternehmen',
  },
  pii: {
    ssn: 'Sozialversicherungsnummer (SSN)',
    itin: 'Individuelle Steueridentifikationsnummer (ITIN)',
    id: 'Identifikationsnummer',
    showNumber: 'Nummer anzeigen',
  },
  errors: {
    incomplete_number: 'Ihre Kartennummer ist unvollständig.',
    incorrect_number: 'Ihre Kartennummer ist ungültig.',
    card_brand_not_accepted: 'Die Marke Ihrer Karte wird nicht akzeptiert.',
    incomplete_expiry: 'Das Ablaufdatum Ihrer Karte ist unvollständig.',
    invalid_expiry_month: 'Der Ablaufmonat Ihrer Karte ist ungültig.',
    invalid_expiry_year: 'Das Ablaufjahr Ihrer Karte ist ungültig.',
    incomplete_cvc: 'Die Prüfnummer Ihrer Karte ist unvollständig.',
    invalid_cvc: 'Die Prüfnummer Ihrer Karte ist ungültig.',
    incomplete_zip: 'Ihre Postleitzahl ist unvollständig.',
    incomplete_routing_number: 'Ihre Routingnummer ist unvollständig.',
    routing_number_invalid: 'Ihre Routingnummer ist ungültig.',
    incomplete_account_number: 'Ihre Kontonummer ist unvollständig.',
    account_number_invalid: 'Ihre Kontonummer ist ungültig.',
    account_number_mismatch: 'Die Kontonummern stimmen nicht überein.',
    incomplete_account_holder_name: 'Geben Sie den Namen des Kontoinhabers ein.',
    incomplete_iban: 'Ihre IBAN ist unvollständig.',
    iban_invalid: 'Ihre IBAN ist ungültig.',
    incomplete_id_number: 'Ihre Identifikationsnummer ist unvollständig.',
    id_number_invalid: 'Ihre Identifikationsnummer ist ungültig.',
    parameter_missing: 'Ein erforderlicher Parameter fehlt.',
  },
  messages: {
    cvcDigits: (digits, f) => `Die Prüfnummer Ihrer Karte muss ${f.number(digits)} Ziffern haben.`,
    cardExpired: (month, year, f) => `Ihre Karte ist im ${f.monthYear(month, year)} abgelaufen.`,
    // Country names take different articles (aus der Schweiz, aus den Niederlanden): name the country apart.
    ibanFromCountry: (country, f) => `Geben Sie eine IBAN aus folgendem Land ein: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error:
      'Der Zahlungsdienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    rate_limit: 'Zu viele Versuche in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    api_error: 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
    card_field_unavailable:
      'Ein Teil des Kartenformulars reagiert nicht. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
  },
};

export default de;
