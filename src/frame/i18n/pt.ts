import type { Catalog } from './en';

/** Portuguese as Brazil writes it, the language of most Portuguese-speaking customers (`pt-PT` reads it too). */
const pt: Catalog = {
  titles: {
    card: 'Campo seguro para os dados do cartão',
    'bank-account': 'Campo seguro para os dados da conta bancária',
    'cvc-update': 'Campo seguro para o código de segurança',
    pii: 'Campo seguro para o número de identificação',
    'card-number': 'Campo seguro para o número do cartão',
    'card-expiry': 'Campo seguro para a data de validade',
    'card-cvc': 'Campo seguro para o CVC',
  },
  incomplete: {
    card: 'Preencha os dados do seu cartão.',
    'bank-account': 'Preencha os dados da sua conta bancária.',
    'cvc-update': 'Informe o código de segurança do seu cartão.',
    pii: 'Informe o seu número de identificação.',
    'card-number': 'Informe o número do seu cartão.',
    'card-expiry': 'Informe a data de validade do seu cartão.',
    'card-cvc': 'Informe o código de segurança do seu cartão.',
  },
  card: {
    number: 'Número do cartão',
    expiry: 'Validade',
    expiryPlaceholder: 'MM / AA',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'CEP',
  },
  cvcUpdate: {
    securityCode: 'Código de segurança',
    brandSecurityCode: (brand) => `Código de segurança ${brand}`,
  },
  bank: {
    routingNumber: 'Número de roteamento',
    accountNumber: 'Número da conta',
    confirmAccountNumber: 'Confirme o número da conta',
    iban: 'IBAN',
    holderName: 'Nome do titular da conta',
    holderType: 'Tipo de conta',
    individual: 'Pessoa física',
    company: 'Pessoa jurídica',
  },
  pii: {
    ssn: 'Número de Seguro Social (SSN)',
    itin: 'Número de Identificação Individual de Contribuinte (ITIN)',
    id: 'Número de identificação',
    showNumber: 'Mostrar número',
  },
  errors: {
    incomplete_number: 'O número do seu cartão está incompleto.',
    incorrect_number: 'O número do seu cartão está incorreto.',
    card_brand_not_accepted: 'A bandeira do seu cartão não é aceita.',
    incomplete_expiry: 'A data de validade do seu cartão está incompleta.',
    invalid_expiry_month: 'O mês de validade do seu cartão é inválido.',
    invalid_expiry_year: 'O ano de validade do seu cartão é inválido.',
    incomplete_cvc: 'O código de segurança do seu cartão está incompleto.',
    invalid_cvc: 'O código de segurança do seu cartão é inválido.',
    incomplete_zip: 'O seu CEP está incompleto.',
    incomplete_routing_number: 'O seu número de roteamento está incompleto.',
    routing_number_invalid: 'O seu número de roteamento é inválido.',
    incomplete_account_number: 'O número da sua conta está incompleto.',
    account_number_invalid: 'O número da sua conta é inválido.',
    account_number_mismatch: 'Os números da conta não coincidem.',
    incomplete_account_holder_name: 'Informe o nome do titular da conta.',
    incomplete_iban: 'O seu IBAN está incompleto.',
    iban_invalid: 'O seu IBAN é inválido.',
    incomplete_id_number: 'O seu número de identificação está incompleto.',
    id_number_invalid: 'O seu número de identificação é inválido.',
    parameter_missing: 'Falta um parâmetro obrigatório.',
  },
  messages: {
    cvcDigits: (digits, f) => `O código de segurança do seu cartão deve ter ${f.number(digits)} dígitos.`,
    cardExpired: (month, year, f) => `O seu cartão venceu em ${f.monthYear(month, year)}.`,
    // Country names take different articles (da Alemanha, do Brasil, dos Países Baixos): name the country apart.
    ibanFromCountry: (country, f) => `Informe um IBAN deste país: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Não foi possível acessar o serviço de pagamento. Verifique sua conexão e tente novamente.',
    rate_limit: 'Muitas tentativas em pouco tempo. Aguarde um momento e tente novamente.',
    api_error: 'Ocorreu um erro do nosso lado. Tente novamente.',
    card_field_unavailable: 'Parte do formulário do cartão não respondeu. Recarregue a página e tente novamente.',
  },
};

export default pt;
