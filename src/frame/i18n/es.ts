import type { Catalog } from './en';

const es: Catalog = {
  titles: {
    card: 'Campo seguro para los datos de la tarjeta',
    bankAccount: 'Campo seguro para la cuenta bancaria',
    cvcUpdate: 'Campo seguro para el código de seguridad',
    pii: 'Campo seguro para el número de identificación',
    cardNumber: 'Campo seguro para el número de tarjeta',
    cardExpiry: 'Campo seguro para la fecha de caducidad',
    cardCvc: 'Campo seguro para el código de seguridad',
  },
  card: {
    number: 'Número de tarjeta',
    expiry: 'Vencimiento',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Código postal',
  },
  cvcUpdate: {
    securityCode: 'Código de seguridad',
    brandSecurityCode: (brand) => `Código de seguridad de ${brand}`,
  },
  bank: {
    routingNumber: 'Número de ruta bancaria',
    accountNumber: 'Número de cuenta',
    confirmAccountNumber: 'Confirme el número de cuenta',
    iban: 'IBAN',
    holderName: 'Nombre del titular de la cuenta',
    holderType: 'Tipo de cuenta',
    individual: 'Particular',
    company: 'Empresa',
  },
  pii: {
    ssn: 'Número de Seguro Social (SSN)',
    itin: 'Número de Identificación Personal del Contribuyente (ITIN)',
    id: 'Número de identificación',
    showNumber: 'Mostrar número',
  },
  errors: {
    incomplete_number: 'El número de su tarjeta está incompleto.',
    incorrect_number: 'El número de su tarjeta es incorrecto.',
    incomplete_expiry: 'La fecha de vencimiento de su tarjeta está incompleta.',
    invalid_expiry_month: 'El mes de vencimiento de su tarjeta no es válido.',
    invalid_expiry_year: 'El año de vencimiento de su tarjeta no es válido.',
    incomplete_cvc: 'El código de seguridad de su tarjeta está incompleto.',
    invalid_cvc: 'El código de seguridad de su tarjeta no es válido.',
    incomplete_zip: 'Su código postal está incompleto.',
    incomplete_routing_number: 'Su número de ruta bancaria está incompleto.',
    routing_number_invalid: 'Su número de ruta bancaria no es válido.',
    incomplete_account_number: 'Su número de cuenta está incompleto.',
    account_number_invalid: 'Su número de cuenta no es válido.',
    account_number_mismatch: 'Los números de cuenta no coinciden.',
    incomplete_account_holder_name: 'Introduzca el nombre del titular de la cuenta.',
    incomplete_iban: 'Su IBAN está incompleto.',
    iban_invalid: 'Su IBAN no es válido.',
    incomplete_id_number: 'Su número de identificación está incompleto.',
    id_number_invalid: 'Su número de identificación no es válido.',
    parameter_missing: 'Falta un parámetro obligatorio.',
  },
  messages: {
    cvcDigits: (digits, f) => `El código de seguridad de su tarjeta debe tener ${f.number(digits)} dígitos.`,
    cardExpired: (month, year, f) => `Su tarjeta venció en ${f.monthYear(month, year)}.`,
    ibanFromCountry: (country, f) => `Introduzca un IBAN de este país: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'No se pudo conectar con el servicio de pago. Compruebe su conexión e inténtelo de nuevo.',
    rate_limit: 'Demasiados intentos en poco tiempo. Espere un momento e inténtelo de nuevo.',
    api_error: 'Se produjo un error en nuestro sistema. Inténtelo de nuevo.',
    card_field_unavailable:
      'Una parte del formulario de la tarjeta no responde. Vuelva a cargar la página e inténtelo de nuevo.',
  },
};

export default es;
