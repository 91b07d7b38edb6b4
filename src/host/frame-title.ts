import type { FramePage } from '../protocol/messages';

/** Card, bank account, security code, ID number: the iframe's accessible name per language. */
const titles: Record<string, [string, string, string, string]> = {
  en: ['Secure card input', 'Secure bank account input', 'Secure security code input', 'Secure ID number input'],
  fr: [
    'Saisie sécurisée de la carte',
    'Saisie sécurisée du compte bancaire',
    'Saisie sécurisée du code de sécurité',
    "Saisie sécurisée du numéro d'identification",
  ],
  de: [
    'Sichere Eingabe der Kartendaten',
    'Sichere Eingabe der Bankverbindung',
    'Sichere Eingabe der Kartenprüfnummer',
    'Sichere Eingabe der Identifikationsnummer',
  ],
  es: [
    'Campo seguro para los datos de la tarjeta',
    'Campo seguro para la cuenta bancaria',
    'Campo seguro para el código de seguridad',
    'Campo seguro para el número de identificación',
  ],
  ja: [
    'カード情報の安全な入力欄',
    '銀行口座情報の安全な入力欄',
    'セキュリティコードの安全な入力欄',
    '本人確認番号の安全な入力欄',
  ],
  ar: [
    'حقل آمن لإدخال بيانات البطاقة',
    'حقل آمن لإدخال بيانات الحساب المصرفي',
    'حقل آمن لإدخال رمز الأمان',
    'حقل آمن لإدخال رقم الهوية',
  ],
};

const pages: FramePage[] = ['card', 'bank-account', 'cvc-update', 'pii'];

/**
 * The iframe's `title`, in the element's language (by language subtag, else
 * English). The hidden frame behind `createToken()` is never announced and keeps its English name.
 */
export function frameTitle(page: FramePage, locale = 'en'): string {
  const index = pages.indexOf(page);
  if (index < 0) return `Secure ${page} input`;
  return (titles[locale.toLowerCase().split(/[-_]/)[0]] ?? titles.en)[index];
}
