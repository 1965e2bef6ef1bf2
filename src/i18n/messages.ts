/**
 * Translated wording for rule codes and adapter errors: the one place a code becomes words.
 * Messages are built when shown (not at import), so they follow the active language.
 *
 * Field messages are written as GOV.UK asks: each says what to do about that field ("أدخل
 * الاسم الرباعي", "اختر نوع الموعد", "أرفق خطاب موضوع الزيارة"), so the same words serve
 * beside the field and, alone, in an error summary.
 */
import { msg, str } from '@lit/localize';
import type { FieldErrorCode } from '../domain/codes.js';
import type { NameHolder } from '../domain/name.js';
import { characterCount, companionCount, fileCount } from './counts.js';

// The wording a first screen needs is in modules of its own, so the field messages below load
// only with what shows them (the booking form's sections, the companion list's first companion,
// the inquiry's first check); here they are all still found.
export { characterCount, charactersLeft, companionCount, fileCount } from './counts.js';
export { apiErrorMessage, type ApiMessageOptions } from './api-messages.js';

export interface MessageContext {
  /**
   * The field the message is about, by the form's path: the booking's `fullName`,
   * `subjectLetter`…, a companion's `companions.<i>.fullName` / `.idNumber` / `.idImage`, the
   * reply's `reply`, the inquiry's `transactionNumber` and `year`. Its messages name it; without
   * it (or for another field) the wording is generic.
   */
  field?: string;
  /** Whose name a `fullName` is (from the ID), for the wording of its `required`. */
  holder?: NameHolder;
  /** Accepted file types, already formatted (e.g. `PDF، JPEG، PNG`). */
  types?: string;
  /** A limit: characters for text, companions for the list, bytes already formatted for files. */
  max?: number | string;
  /** A slot's limits when it takes several files (#14): how many, and their weight together, formatted. */
  maxFiles?: number;
  maxTotal?: string;
}

/** The citizen-facing message for a rule code, about `context.field` when given. */
export function errorMessage(code: FieldErrorCode | string, context: MessageContext = {}): string {
  const { field = '' } = context;
  const companion = /^companions\.(\d+)\.(fullName|idNumber|idImage)$/.exec(field);
  // A slot's later file (`subjectLetter.1`, #14) is named with its number in the slot.
  const later = /^(subjectLetter|idCopy|authorisationLetter)\.(\d+)$/.exec(field);
  const n = companion ? Number(companion[1]) + 1 : later ? Number(later[2]) + 1 : 0;
  const part = companion?.[2] ?? later?.[1] ?? field;
  if (part === 'subjectLetter' || part === 'idCopy' || part === 'authorisationLetter' || part === 'idImage') {
    const noun = fileNoun(part, n);
    // The slot's count and weight are about all its files: those messages name the slot alone.
    const whole = code === 'files-max' || code === 'files-total-too-large';
    const file = fileMessage(code, later && !whole ? msg(str`${noun} (الملف ${n})`) : noun, context);
    if (file) return file;
  }
  if (companion) return companionMessage(code, n, part, context) ?? genericMessage(code, context);
  if (code === 'required') return requiredMessage(field, context);
  if (code === 'too-long') return tooLongMessage(field, context);
  return genericMessage(code, context);
}

/** What to do about an empty required field. */
function requiredMessage(field: string, { holder }: MessageContext): string {
  switch (field) {
    case 'applicantType':
      return msg('اختر نوع مقدم الطلب');
    case 'entityName':
      return msg('أدخل اسم الجهة');
    case 'commercialRegistration':
      return msg('أدخل رقم السجل التجاري');
    case 'fullName':
      return holder === 'resident' ? msg('أدخل الاسم كما في الإقامة') : msg('أدخل الاسم الرباعي');
    case 'idNumber':
      return msg('أدخل رقم الهوية');
    case 'mobile':
      return msg('أدخل رقم الجوال');
    case 'email':
      return msg('أدخل البريد الإلكتروني');
    case 'governorate':
      return msg('اختر المحافظة من القائمة');
    case 'appointmentType':
      return msg('اختر نوع الموعد');
    case 'destination':
      return msg('اختر جهة الزيارة');
    case 'gate':
      return msg('اختر بوابة الدخول');
    case 'reason':
      return msg('اختر سبب الزيارة');
    case 'subject':
      return msg('اكتب نص موضوع الزيارة');
    case 'hasBelongings':
      return msg('اختر «نعم» إن كانت معك مرفقات أخرى، أو «لا»');
    case 'belongings':
      return msg('اختر المرفقات التي مع الزائر');
    case 'plate':
      return msg('أدخل رقم لوحة السيارة وحروفها');
    case 'declaration':
      return msg('ضع علامة على الإقرار لتأكيد صحة البيانات');
    case 'transactionNumber':
      return msg('أدخل رقم المعاملة');
    case 'year':
      return msg('أدخل السنة الهجرية');
    default:
      return msg('هذا الحقل مطلوب');
  }
}

/** A text over its limit, counted in the form the number takes. */
function tooLongMessage(field: string, { max = '' }: MessageContext): string {
  if (max === '') return msg('النص أطول من الحد المسموح');
  const count = characterCount(Number(max));
  switch (field) {
    case 'fullName':
      return msg(str`يجب ألا يزيد الاسم على ${count}`);
    case 'email':
      return msg(str`يجب ألا يزيد البريد الإلكتروني على ${count}`);
    case 'subject':
      return msg(str`يجب ألا يزيد نص موضوع الزيارة على ${count}`);
    case 'reply':
      return msg(str`يجب ألا يزيد نص الرد على ${count}`);
    case 'entityName':
      return msg(str`يجب ألا يزيد اسم الجهة على ${count}`);
    case 'plateMake':
      return msg(str`يجب ألا يزيد نوع السيارة على ${count}`);
    case 'plateColour':
      return msg(str`يجب ألا يزيد لون السيارة على ${count}`);
    default:
      return msg(str`يجب ألا يزيد النص على ${count}`);
  }
}

/** How an attachment's messages name it: the form's two documents, a companion's ID image. */
function fileNoun(part: string, n: number): string {
  if (part === 'subjectLetter') return msg('خطاب موضوع الزيارة', { id: 'file-noun-subject-letter' });
  if (part === 'idCopy') return msg('صورة هوية مقدم الطلب', { id: 'file-noun-id-copy' });
  if (part === 'authorisationLetter') return msg('خطاب التفويض', { id: 'file-noun-authorisation-letter' });
  return msg(str`صورة هوية المرافق ${n}`, { id: 'file-noun-companion-id-image' });
}

/** An attachment's messages, naming it; `null` for a code that is not about files. */
function fileMessage(code: string, noun: string, { max = '', types = 'PDF, JPEG, PNG', maxFiles, maxTotal = '' }: MessageContext): string | null {
  switch (code) {
    case 'required':
      return msg(str`أرفق ${noun}`);
    case 'file-empty':
      return msg(str`ملف ${noun} فارغ، اختر ملفًا آخر`);
    case 'file-too-large':
      return msg(str`حجم ملف ${noun} أكبر من الحد المسموح (${max})`);
    case 'file-type':
      return msg(str`نوع ملف ${noun} غير مقبول. الأنواع المقبولة: ${types}`);
    case 'file-name-type':
      return msg(str`اسم ملف ${noun} ينتهي بامتداد لا يطابق محتواه. أعد تسمية الملف بامتداد نوعه الحقيقي ثم اختره مرة أخرى`);
    case 'upload-failed':
      return msg(str`تعذر رفع ملف ${noun}، أعد المحاولة`);
    case 'upload-pending':
      return msg(str`انتظر حتى يكتمل رفع ملف ${noun}`);
    case 'files-max':
      return maxFiles ? msg(str`لا يمكن إرفاق أكثر من ${fileCount(maxFiles)} في ${noun}، احذف ما زاد`) : null;
    case 'files-total-too-large':
      return maxTotal ? msg(str`مجموع أحجام ملفات ${noun} أكبر من الحد المسموح (${maxTotal})، احذف ملفًا أو اختر ملفات أصغر`) : null;
    default:
      return null;
  }
}

/** A companion's name and ID messages, naming the companion by number; `null` when the generic one serves. */
function companionMessage(code: string, n: number, part: string, { max = '' }: MessageContext): string | null {
  if (part === 'fullName') {
    switch (code) {
      case 'required':
        return msg(str`أدخل اسم المرافق ${n}`);
      case 'name-parts':
        return msg(str`أدخل الاسم الرباعي للمرافق ${n} (الاسم واسم الأب واسم الجد واسم العائلة)`);
      case 'name-parts-resident':
        return msg(str`أدخل اسم المرافق ${n} كما في الإقامة، الاسم الأول واسم العائلة على الأقل`);
      case 'name-chars':
        return msg(str`أدخل اسم المرافق ${n} بالحروف فقط، بلا أرقام أو رموز`);
      case 'too-long':
        return max === '' ? null : msg(str`يجب ألا يزيد اسم المرافق ${n} على ${characterCount(Number(max))}`);
      default:
        return null;
    }
  }
  switch (code) {
    case 'required':
      return msg(str`أدخل رقم هوية المرافق ${n}`);
    case 'id-format':
      return msg(str`رقم هوية المرافق ${n} يتكون من 10 أرقام`);
    case 'id-prefix':
      return msg(str`رقم هوية المرافق ${n} يبدأ بالرقم 1 للمواطن أو 2 للمقيم`);
    case 'id-checksum':
      return msg(str`رقم هوية المرافق ${n} غير صحيح، تحقق من الأرقام`);
    case 'id-duplicate':
      return msg(str`رقم هوية المرافق ${n} مكرر لمرافق آخر`);
    case 'id-same-as-applicant':
      return msg(str`رقم هوية المرافق ${n} لا يكون رقم هوية مقدم الطلب`);
    default:
      return null;
  }
}

/** The wording that does not depend on the field (or names the only field it can be about). */
function genericMessage(code: string, { max = '', types = 'PDF, JPEG, PNG' }: MessageContext): string {
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
      return msg('أدخل رقم جوال صحيحًا من 9 أرقام يبدأ بالرقم 5، مثل 5XXXXXXXX');
    case 'email-invalid':
      return msg('أدخل بريدًا إلكترونيًا صحيحًا، مثل name@example.com');
    case 'name-parts':
      return msg('أدخل الاسم الرباعي كاملًا (الاسم واسم الأب واسم الجد واسم العائلة)');
    case 'name-parts-resident':
      return msg('أدخل الاسم كما في الإقامة، الاسم الأول واسم العائلة على الأقل');
    case 'name-chars':
      return msg('أدخل الاسم بالحروف فقط، بلا أرقام أو رموز');
    case 'too-long':
      return tooLongMessage('', { max });
    case 'file-empty':
      return msg('الملف فارغ، اختر ملفًا آخر');
    case 'file-too-large':
      return msg(str`حجم الملف أكبر من الحد المسموح (${max})`);
    case 'file-type':
      return msg(str`نوع الملف غير مقبول. الأنواع المقبولة: ${types}`);
    case 'file-name-type':
      return msg('اسم الملف ينتهي بامتداد لا يطابق محتواه. أعد تسمية الملف بامتداد نوعه الحقيقي ثم اختره مرة أخرى');
    case 'upload-failed':
      return msg('تعذر رفع الملف، أعد المحاولة');
    case 'upload-pending':
      return msg('انتظر حتى يكتمل رفع الملف');
    case 'companions-max':
      return max === '' ? msg('عدد المرافقين أكثر من المسموح') : msg(str`لا يمكن إضافة أكثر من ${companionCount(Number(max))}`);
    case 'transaction-invalid':
      return msg('رقم المعاملة أرقام فقط، من 1 إلى 10 أرقام');
    case 'year-invalid':
      return msg(str`أدخل سنة هجرية من 1350 إلى ${max}`);
    case 'cr-format':
      return msg('رقم السجل التجاري يتكون من 10 أرقام');
    case 'plate-format':
      return msg('لوحة السيارة من 1 إلى 4 أرقام و3 حروف، مثل أ ب ح 1234');
    case 'files-max':
      return msg('عدد الملفات أكثر من المسموح');
    case 'files-total-too-large':
      return msg('مجموع أحجام الملفات أكبر من الحد المسموح');
    case 'plate-letter':
      return msg('في اللوحة حرف لا تستخدمه اللوحات السعودية. الحروف: أ ب ح د ر س ص ط ع ق ك ل م ن هـ و ى');
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
  'mobile-invalid', 'email-invalid', 'name-parts', 'name-parts-resident', 'name-chars', 'too-long',
  'file-empty', 'file-too-large', 'file-type', 'file-name-type', 'upload-failed', 'upload-pending', 'companions-max',
  'transaction-invalid', 'year-invalid', 'cr-format', 'plate-format', 'plate-letter', 'files-max', 'files-total-too-large', 'invalid',
]);
