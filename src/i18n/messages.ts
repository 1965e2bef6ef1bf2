/**
 * Translated wording for rule codes and adapter errors: the one place a code becomes words.
 * Messages are built when shown (not at import), so they follow the active language.
 */
import { msg, str } from '@lit/localize';
import type { FieldErrorCode } from '../domain/codes.js';
import type { ApiError } from '../api/errors.js';

export interface MessageContext {
  /** Accepted file types, already formatted (e.g. `PDF، JPEG، PNG`). */
  types?: string;
  /** A limit: characters for text, companions for the list, bytes already formatted for files. */
  max?: number | string;
}

/** The citizen-facing message for a rule code. */
export function errorMessage(code: FieldErrorCode | string, context: MessageContext = {}): string {
  const { max = '', types = 'PDF, JPEG, PNG' } = context;
  switch (code) {
    case 'required':
      return msg('هذا الحقل مطلوب');
    case 'id-format':
      return msg('رقم الهوية يتكون من 10 أرقام');
    case 'id-prefix':
      return msg('رقم الهوية يبدأ بالرقم 1 للمواطن أو 2 للمقيم');
    case 'id-checksum':
      return msg('رقم الهوية غير صحيح، تحقق من الأرقام');
    case 'id-duplicate':
      return msg('رقم الهوية مكرر لمرافق آخر');
    case 'id-same-as-applicant':
      return msg('رقم هوية المرافق لا يكون رقم هوية مقدم الطلب');
    case 'mobile-invalid':
      return msg('رقم الجوال 9 أرقام يبدأ بالرقم 5، مثل 5XXXXXXXX');
    case 'email-invalid':
      return msg('أدخل بريدًا إلكترونيًا صحيحًا، مثل name@example.com');
    case 'name-parts':
      return msg('أدخل الاسم الرباعي: الاسم واسم الأب واسم الجد واسم العائلة');
    case 'name-chars':
      return msg('الاسم يحتوي على حروف فقط، بلا أرقام أو رموز');
    case 'too-long':
      return max === '' ? msg('النص أطول من الحد المسموح') : msg(str`النص أطول من الحد المسموح (${max} حرفًا)`);
    case 'file-empty':
      return msg('الملف فارغ، اختر ملفًا آخر');
    case 'file-too-large':
      return msg(str`حجم الملف أكبر من الحد المسموح (${max})`);
    case 'file-type':
      return msg(str`نوع الملف غير مقبول. الأنواع المقبولة: ${types}`);
    case 'companions-max':
      return msg(str`الحد الأعلى للمرافقين ${max}`);
    case 'transaction-invalid':
      return msg('رقم المعاملة أرقام فقط، من 1 إلى 10 أرقام');
    case 'year-invalid':
      return msg(str`أدخل سنة هجرية من 1350 إلى ${max}`);
    default:
      return msg('القيمة غير صحيحة');
  }
}

/** True when the widget has its own wording for `code`. */
export function isKnownCode(code: string): boolean {
  return KNOWN_CODES.has(code);
}

const KNOWN_CODES = new Set<string>([
  'required', 'id-format', 'id-prefix', 'id-checksum', 'id-duplicate', 'id-same-as-applicant',
  'mobile-invalid', 'email-invalid', 'name-parts', 'name-chars', 'too-long', 'file-empty',
  'file-too-large', 'file-type', 'companions-max', 'transaction-invalid', 'year-invalid', 'invalid',
]);

/** What to tell the citizen when a call to the backend failed (their data is always kept). */
export function apiErrorMessage(error: ApiError | undefined): string {
  switch (error?.kind) {
    case 'network':
      return msg('تعذر الاتصال بالخادم. تحقق من اتصالك بالإنترنت ثم أعد المحاولة؛ بياناتك محفوظة.');
    case 'timeout':
      return msg('استغرق الخادم وقتًا أطول من المعتاد. أعد المحاولة؛ بياناتك محفوظة.');
    case 'rate-limited':
      return msg('الخادم مشغول الآن. انتظر قليلًا ثم أعد المحاولة.');
    case 'unauthorized':
      return msg('انتهت جلسة الدخول. سجّل الدخول مرة أخرى عبر النفاذ الوطني الموحد؛ بياناتك محفوظة.');
    case 'validation':
      return msg('راجع الحقول المشار إليها ثم أعد الإرسال.');
    default:
      return msg('حدث خطأ في الخادم. أعد المحاولة بعد قليل؛ بياناتك محفوظة.');
  }
}
