/**
 * What to tell the citizen when a call to the backend failed: every element can show it on its
 * first screen (a failed load), so it is apart from the field messages (./messages.ts).
 */
import { msg } from '@lit/localize';
import type { ApiError } from '../api/errors.js';

export interface ApiMessageOptions {
  /**
   * Say the citizen's typing is kept (بياناتك محفوظة): only where something was typed and is
   * kept as a draft (the booking form's send and uploads, the reply form).
   */
  kept?: boolean;
}

/** What to tell the citizen when a call to the backend failed. */
export function apiErrorMessage(error: ApiError | undefined, { kept = false }: ApiMessageOptions = {}): string {
  switch (error?.kind) {
    case 'network':
      return kept
        ? msg('تعذر الاتصال بالخادم. تحقق من اتصالك بالإنترنت ثم أعد المحاولة؛ بياناتك محفوظة.')
        : msg('تعذر الاتصال بالخادم. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.');
    case 'timeout':
      return kept ? msg('استغرق الخادم وقتًا أطول من المعتاد. أعد المحاولة؛ بياناتك محفوظة.') : msg('استغرق الخادم وقتًا أطول من المعتاد. أعد المحاولة.');
    case 'rate-limited':
      return msg('الخادم مشغول الآن. انتظر قليلًا ثم أعد المحاولة.');
    case 'unauthorized':
      return kept
        ? msg('انتهت جلسة الدخول. سجّل الدخول مرة أخرى عبر النفاذ الوطني الموحد؛ بياناتك محفوظة.')
        : msg('انتهت جلسة الدخول. سجّل الدخول مرة أخرى عبر النفاذ الوطني الموحد.');
    case 'validation':
      return msg('راجع الحقول المشار إليها ثم أعد الإرسال.');
    case 'bad-response':
      return kept
        ? msg('وصل من الخادم رد غير متوقع، فتعذر إكمال العملية. أعد المحاولة بعد قليل؛ بياناتك محفوظة.')
        : msg('وصل من الخادم رد غير متوقع، فتعذر عرض البيانات. أعد المحاولة بعد قليل.');
    default:
      return kept ? msg('حدث خطأ في الخادم. أعد المحاولة بعد قليل؛ بياناتك محفوظة.') : msg('حدث خطأ في الخادم. أعد المحاولة بعد قليل.');
  }
}
