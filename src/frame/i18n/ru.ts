import type { Catalog } from './en';

const ru: Catalog = {
  titles: {
    card: 'Защищённое поле для данных карты',
    'bank-account': 'Защищённое поле для данных банковского счёта',
    'cvc-update': 'Защищённое поле для кода безопасности',
    pii: 'Защищённое поле для идентификационного номера',
    'card-number': 'Защищённое поле для номера карты',
    'card-expiry': 'Защищённое поле для срока действия',
    'card-cvc': 'Защищённое поле для кода CVC',
  },
  incomplete: {
    card: 'Заполните данные карты.',
    'bank-account': 'Заполните данные банковского счёта.',
    'cvc-update': 'Введите код безопасности карты.',
    pii: 'Введите идентификационный номер.',
    'card-number': 'Введите номер карты.',
    'card-expiry': 'Введите срок действия карты.',
    'card-cvc': 'Введите код безопасности карты.',
  },
  card: {
    number: 'Номер карты',
    expiry: 'Срок действия',
    expiryPlaceholder: 'ММ / ГГ',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Почтовый индекс',
  },
  cvcUpdate: {
    securityCode: 'Код безопасности',
    brandSecurityCode: (brand) => `Код безопасности ${brand}`,
  },
  bank: {
    routingNumber: 'Маршрутный номер банка',
    accountNumber: 'Номер счёта',
    confirmAccountNumber: 'Подтвердите номер счёта',
    iban: 'IBAN',
    holderName: 'Имя владельца счёта',
    holderType: 'Тип счёта',
    individual: 'Физическое лицо',
    company: 'Юридическое лицо',
  },
  pii: {
    ssn: 'Номер социального страхования (SSN)',
    itin: 'Индивидуальный идентификационный номер налогоплательщика (ITIN)',
    id: 'Идентификационный номер',
    showNumber: 'Показать номер',
  },
  errors: {
    incomplete_number: 'Номер карты введён не полностью.',
    incorrect_number: 'Неверный номер карты.',
    card_brand_not_accepted: 'Платёжная система вашей карты не принимается.',
    incomplete_expiry: 'Срок действия карты введён не полностью.',
    invalid_expiry_month: 'Неверный месяц окончания срока действия карты.',
    invalid_expiry_year: 'Неверный год окончания срока действия карты.',
    incomplete_cvc: 'Код безопасности карты введён не полностью.',
    invalid_cvc: 'Неверный код безопасности карты.',
    incomplete_zip: 'Почтовый индекс введён не полностью.',
    incomplete_routing_number: 'Маршрутный номер банка введён не полностью.',
    routing_number_invalid: 'Неверный маршрутный номер банка.',
    incomplete_account_number: 'Номер счёта введён не полностью.',
    account_number_invalid: 'Неверный номер счёта.',
    account_number_mismatch: 'Номера счетов не совпадают.',
    incomplete_account_holder_name: 'Введите имя владельца счёта.',
    incomplete_iban: 'IBAN введён не полностью.',
    iban_invalid: 'Неверный IBAN.',
    incomplete_id_number: 'Идентификационный номер введён не полностью.',
    id_number_invalid: 'Неверный идентификационный номер.',
    parameter_missing: 'Отсутствует обязательный параметр.',
  },
  messages: {
    // 2 to 4 take "цифры", 5 and more "цифр" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Код безопасности карты должен содержать ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'цифры' : 'цифр'}.`,
    // Intl names the month in the nominative ("март 2024 г."), which no preposition takes: keep it apart.
    cardExpired: (month, year, f) => `Срок действия карты истёк (${f.monthYear(month, year)}).`,
    ibanFromCountry: (country, f) => `Введите IBAN из этой страны: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'Не удалось связаться с платёжным сервисом. Проверьте подключение и повторите попытку.',
    rate_limit: 'Слишком много попыток за короткое время. Подождите немного и повторите попытку.',
    api_error: 'На нашей стороне произошла ошибка. Повторите попытку.',
    card_field_unavailable: 'Часть формы карты не отвечает. Перезагрузите страницу и повторите попытку.',
  },
};

export default ru;
