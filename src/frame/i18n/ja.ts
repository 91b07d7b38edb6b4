import type { Catalog } from './en';

const ja: Catalog = {
  titles: {
    card: 'カード情報の安全な入力欄',
    bankAccount: '銀行口座情報の安全な入力欄',
    cvcUpdate: 'セキュリティコードの安全な入力欄',
    pii: '本人確認番号の安全な入力欄',
  },
  card: {
    number: 'カード番号',
    expiry: '有効期限',
    expiryPlaceholder: '月 / 年',
    cvc: 'セキュリティコード',
    cvcPlaceholder: 'CVC',
    postalCode: '郵便番号',
  },
  cvcUpdate: {
    securityCode: 'セキュリティコード',
    brandSecurityCode: (brand) => `${brand} のセキュリティコード`,
  },
  bank: {
    routingNumber: 'ルーティング番号',
    accountNumber: '口座番号',
    confirmAccountNumber: '口座番号（確認用）',
    iban: 'IBAN',
    holderName: '口座名義',
    holderType: '口座の種類',
    individual: '個人',
    company: '法人',
  },
  pii: {
    ssn: '社会保障番号（SSN）',
    itin: '個人納税者番号（ITIN）',
    id: '本人確認番号',
    showNumber: '番号を表示',
  },
  errors: {
    incomplete_number: 'カード番号が不完全です。',
    incorrect_number: 'カード番号が正しくありません。',
    incomplete_expiry: '有効期限が不完全です。',
    invalid_expiry_month: '有効期限の月が正しくありません。',
    invalid_expiry_year: '有効期限の年が正しくありません。',
    incomplete_cvc: 'セキュリティコードが不完全です。',
    invalid_cvc: 'セキュリティコードが正しくありません。',
    incomplete_zip: '郵便番号が不完全です。',
    incomplete_routing_number: 'ルーティング番号が不完全です。',
    routing_number_invalid: 'ルーティング番号が正しくありません。',
    incomplete_account_number: '口座番号が不完全です。',
    account_number_invalid: '口座番号が正しくありません。',
    account_number_mismatch: '口座番号が一致しません。',
    incomplete_account_holder_name: '口座名義を入力してください。',
    incomplete_iban: 'IBAN が不完全です。',
    iban_invalid: 'IBAN が正しくありません。',
    incomplete_id_number: '本人確認番号が不完全です。',
    id_number_invalid: '本人確認番号が正しくありません。',
    parameter_missing: '必須のパラメーターが指定されていません。',
  },
  messages: {
    cvcDigits: (digits, f) => `セキュリティコードは${f.number(digits)}桁で入力してください。`,
    cardExpired: (month, year, f) => `このカードの有効期限は${f.monthYear(month, year)}に切れています。`,
    ibanFromCountry: (country, f) => `${f.region(country)}の IBAN を入力してください。`,
  },
  apiErrors: {
    network_error: '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
    rate_limit: '短時間に試行回数が多すぎます。しばらく待ってから、もう一度お試しください。',
    api_error: 'システムでエラーが発生しました。もう一度お試しください。',
    card_field_unavailable: 'カード入力欄の一部が応答しません。ページを再読み込みして、もう一度お試しください。',
  },
};

export default ja;
