import type { Catalog } from './en';

const fr: Catalog = {
  titles: {
    card: 'Saisie sécurisée de la carte',
    bankAccount: 'Saisie sécurisée du compte bancaire',
    cvcUpdate: 'Saisie sécurisée du code de sécurité',
    pii: "Saisie sécurisée du numéro d'identification",
    cardNumber: 'Saisie sécurisée du numéro de carte',
    cardExpiry: "Saisie sécurisée de la date d'expiration",
    cardCvc: 'Saisie sécurisée du CVC',
  },
  card: {
    number: 'Numéro de carte',
    expiry: "Date d'expiration",
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Code postal',
  },
  cvcUpdate: {
    securityCode: 'Code de sécurité',
    brandSecurityCode: (brand) => `Code de sécurité ${brand}`,
  },
  bank: {
    routingNumber: 'Numéro de routage',
    accountNumber: 'Numéro de compte',
    confirmAccountNumber: 'Confirmez le numéro de compte',
    iban: 'IBAN',
    holderName: 'Nom du titulaire du compte',
    holderType: 'Type de compte',
    individual: 'Particulier',
    company: 'Entreprise',
  },
  pii: {
    ssn: 'Numéro de sécurité sociale (SSN)',
    itin: "Numéro d'identification fiscale individuel (ITIN)",
    id: "Numéro d'identification",
    showNumber: 'Afficher le numéro',
  },
  errors: {
    incomplete_number: 'Le numéro de votre carte est incomplet.',
    incorrect_number: 'Le numéro de votre carte est incorrect.',
    incomplete_expiry: "La date d'expiration de votre carte est incomplète.",
    invalid_expiry_month: "Le mois d'expiration de votre carte n'est pas valide.",
    invalid_expiry_year: "L'année d'expiration de votre carte n'est pas valide.",
    incomplete_cvc: 'Le code de sécurité de votre carte est incomplet.',
    invalid_cvc: "Le code de sécurité de votre carte n'est pas valide.",
    incomplete_zip: 'Votre code postal est incomplet.',
    incomplete_routing_number: 'Votre numéro de routage est incomplet.',
    routing_number_invalid: "Votre numéro de routage n'est pas valide.",
    incomplete_account_number: 'Votre numéro de compte est incomplet.',
    account_number_invalid: "Votre numéro de compte n'est pas valide.",
    account_number_mismatch: 'Les numéros de compte ne correspondent pas.',
    incomplete_account_holder_name: 'Saisissez le nom du titulaire du compte.',
    incomplete_iban: 'Votre IBAN est incomplet.',
    iban_invalid: "Votre IBAN n'est pas valide.",
    incomplete_id_number: "Votre numéro d'identification est incomplet.",
    id_number_invalid: "Votre numéro d'identification n'est pas valide.",
    parameter_missing: 'Un paramètre obligatoire est manquant.',
  },
  messages: {
    cvcDigits: (digits, f) => `Le code de sécurité de votre carte doit comporter ${f.number(digits)} chiffres.`,
    cardExpired: (month, year, f) => `Votre carte a expiré en ${f.monthYear(month, year)}.`,
    // A preposition before a country name depends on its gender (de France, d'Allemagne, des Pays-Bas).
    ibanFromCountry: (country, f) => `Saisissez un IBAN de ce pays\u00a0: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.',
    rate_limit: 'Trop de tentatives en peu de temps. Veuillez patienter un instant, puis réessayer.',
    api_error: "Une erreur s'est produite de notre côté. Veuillez réessayer.",
    card_field_unavailable: 'Une partie du formulaire de carte ne répond pas. Rechargez la page et réessayez.',
  },
};

export default fr;
