import type { Catalog } from './en';

const uk: Catalog = {
  titles: {
    card: 'Захищене поле для даних картки',
    'bank-account': 'Захищене поле для даних банківського рахунку',
    'cvc-update': 'Захищене поле для коду безпеки',
    pii: 'Захищене поле для ідентифікаційного номера',
    'card-number': 'Захищене поле для номера картки',
    'card-expiry': 'Захищене поле для терміну дії',
    'card-cvc': 'Захищене поле для коду CVC',
  },
  incomplete: {
    card: 'Заповніть дані картки.',
    'bank-account': 'Заповніть дані банківського рахунку.',
    'cvc-update': 'Введіть код безпеки картки.',
    pii: 'Введіть ідентифікаційний номер.',
    'card-number': 'Введіть номер картки.',
    'card-expiry': 'Введіть термін дії картки.',
    'card-cvc': 'Введіть код безпеки картки.',
  },
  card: {
    number: 'Номер картки',
    expiry: 'Термін дії',
    expiryPlaceholder: 'ММ / РР',
    cvc: 'CVC',
    cvcPlaceholder: 'CVC',
    postalCode: 'Поштовий індекс',
  },
  cvcUpdate: {
    securityCode: 'Код безпеки',
    brandSecurityCode: (brand) => `Код безпеки ${brand}`,
  },
  bank: {
    routingNumber: 'Маршрутний номер банку',
    accountNumber: 'Номер рахунку',
    confirmAccountNumber: 'Підтвердьте номер рахунку',
    iban: 'IBAN',
    holderName: "Ім'я власника рахунку",
    holderType: 'Тип рахунку',
    individual: 'Фізична особа',
    company: 'Юридична особа',
  },
  pii: {
    ssn: 'Номер соціального страхування (SSN)',
    itin: 'Індивідуальний ідентифікаційний номер платника податків (ITIN)',
    id: 'Ідентифікаційний номер',
    showNumber: 'Показати номер',
  },
  errors: {
    incomplete_number: 'Номер картки введено не повністю.',
    incorrect_number: 'Неправильний номер картки.',
    card_brand_not_accepted: 'Платіжна система вашої картки не приймається.',
    incomplete_expiry: 'Термін дії картки введено не повністю.',
    invalid_expiry_month: 'Неправильний місяць закінчення терміну дії картки.',
    invalid_expiry_year: 'Неправильний рік закінчення терміну дії картки.',
    incomplete_cvc: 'Код безпеки картки введено не повністю.',
    invalid_cvc: 'Неправильний код безпеки картки.',
    incomplete_zip: 'Поштовий індекс введено не повністю.',
    incomplete_routing_number: 'Маршрутний номер банку введено не повністю.',
    routing_number_invalid: 'Неправильний маршрутний номер банку.',
    incomplete_account_number: 'Номер рахунку введено не повністю.',
    account_number_invalid: 'Неправильний номер рахунку.',
    account_number_mismatch: 'Номери рахунків не збігаються.',
    incomplete_account_holder_name: "Введіть ім'я власника рахунку.",
    incomplete_iban: 'IBAN введено не повністю.',
    iban_invalid: 'Неправильний IBAN.',
    incomplete_id_number: 'Ідентифікаційний номер введено не повністю.',
    id_number_invalid: 'Неправильний ідентифікаційний номер.',
    parameter_missing: "Відсутній обов'язковий параметр.",
  },
  messages: {
    // 2 to 4 take "цифри", 5 and more "цифр" (security codes have 3 or 4).
    cvcDigits: (digits, f) =>
      `Код безпеки картки має містити ${f.number(digits)} ${digits >= 2 && digits <= 4 ? 'цифри' : 'цифр'}.`,
    // Intl names the month in the nominative ("березень 2024 р."), which no preposition takes: keep it apart.
    cardExpired: (month, year, f) => `Термін дії картки закінчився (${f.monthYear(month, year)}).`,
    ibanFromCountry: (country, f) => `Введіть IBAN із цієї країни: ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: "Не вдалося зв'язатися з платіжним сервісом. Перевірте з'єднання та спробуйте ще раз.",
    rate_limit: 'Забагато спроб за короткий час. Зачекайте трохи та спробуйте ще раз.',
    api_error: 'На нашому боці сталася помилка. Спробуйте ще раз.',
    card_field_unavailable: 'Частина форми картки не відповідає. Перезавантажте сторінку та спробуйте ще раз.',
  },
};

export default uk;
