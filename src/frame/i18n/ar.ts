import type { Catalog } from './en';

const ar: Catalog = {
  titles: {
    card: 'حقل آمن لإدخال بيانات البطاقة',
    'bank-account': 'حقل آمن لإدخال بيانات الحساب المصرفي',
    'cvc-update': 'حقل آمن لإدخال رمز الأمان',
    pii: 'حقل آمن لإدخال رقم الهوية',
    'card-number': 'حقل آمن لإدخال رقم البطاقة',
    'card-expiry': 'حقل آمن لإدخال تاريخ انتهاء الصلاحية',
    'card-cvc': 'حقل آمن لإدخال رمز الأمان',
  },
  incomplete: {
    card: 'يُرجى إكمال بيانات بطاقتك.',
    'bank-account': 'يُرجى إكمال بيانات حسابك المصرفي.',
    'cvc-update': 'يُرجى إدخال رمز الأمان لبطاقتك.',
    pii: 'يُرجى إدخال رقم الهوية.',
    'card-number': 'يُرجى إدخال رقم بطاقتك.',
    'card-expiry': 'يُرجى إدخال تاريخ انتهاء صلاحية بطاقتك.',
    'card-cvc': 'يُرجى إدخال رمز الأمان لبطاقتك.',
  },
  card: {
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    // Chromium lays a placeholder out by its first strong character: the leading mark makes it read left
    // to right, month on the left, like the digits typed into the field.
    expiryPlaceholder: '\u200eشهر / سنة',
    cvc: 'رمز الأمان',
    cvcPlaceholder: 'CVC',
    postalCode: 'الرمز البريدي',
  },
  cvcUpdate: {
    securityCode: 'رمز الأمان',
    brandSecurityCode: (brand) => `رمز الأمان لبطاقة ${brand}`,
  },
  bank: {
    routingNumber: 'رقم التوجيه',
    accountNumber: 'رقم الحساب',
    confirmAccountNumber: 'تأكيد رقم الحساب',
    iban: 'رقم IBAN',
    holderName: 'اسم صاحب الحساب',
    holderType: 'نوع الحساب',
    individual: 'فرد',
    company: 'شركة',
  },
  pii: {
    ssn: 'رقم الضمان الاجتماعي (SSN)',
    itin: 'رقم التعريف الضريبي الفردي (ITIN)',
    id: 'رقم الهوية',
    showNumber: 'إظهار الرقم',
  },
  errors: {
    incomplete_number: 'رقم بطاقتك غير مكتمل.',
    incorrect_number: 'رقم بطاقتك غير صحيح.',
    card_brand_not_accepted: 'علامة بطاقتك التجارية غير مقبولة.',
    incomplete_expiry: 'تاريخ انتهاء بطاقتك غير مكتمل.',
    invalid_expiry_month: 'شهر انتهاء بطاقتك غير صالح.',
    invalid_expiry_year: 'سنة انتهاء بطاقتك غير صالحة.',
    incomplete_cvc: 'رمز أمان بطاقتك غير مكتمل.',
    invalid_cvc: 'رمز أمان بطاقتك غير صالح.',
    incomplete_zip: 'الرمز البريدي غير مكتمل.',
    incomplete_routing_number: 'رقم التوجيه غير مكتمل.',
    routing_number_invalid: 'رقم التوجيه غير صالح.',
    incomplete_account_number: 'رقم حسابك غير مكتمل.',
    account_number_invalid: 'رقم حسابك غير صالح.',
    account_number_mismatch: 'رقما الحساب غير متطابقين.',
    incomplete_account_holder_name: 'أدخل اسم صاحب الحساب.',
    incomplete_iban: 'رقم IBAN غير مكتمل.',
    iban_invalid: 'رقم IBAN غير صالح.',
    incomplete_id_number: 'رقم هويتك غير مكتمل.',
    id_number_invalid: 'رقم هويتك غير صالح.',
    parameter_missing: 'إحدى المعلمات المطلوبة مفقودة.',
  },
  messages: {
    // Arabic counts 3 to 10 with the plural (أرقام) and 11 upwards with the singular accusative (رقمًا).
    cvcDigits: (digits, f) =>
      `يجب أن يتكون رمز أمان بطاقتك من ${f.number(digits)} ${digits >= 3 && digits <= 10 ? 'أرقام' : 'رقمًا'}.`,
    cardExpired: (month, year, f) => `انتهت صلاحية بطاقتك في ${f.monthYear(month, year)}.`,
    ibanFromCountry: (country, f) => `أدخل رقم IBAN صادرًا في ${f.region(country)}.`,
  },
  apiErrors: {
    network_error: 'تعذّر الاتصال بخدمة الدفع. تحقق من اتصالك وحاول مرة أخرى.',
    rate_limit: 'محاولات كثيرة جدًا خلال وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    api_error: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
    card_field_unavailable: 'لم يستجب جزء من نموذج البطاقة. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.',
  },
};

export default ar;
