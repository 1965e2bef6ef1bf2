import { msg, str } from '@lit/localize';
import { nameHolder } from '../domain/name.js';

/** The label of each booking field (guide pictures 6–8), for the form, the error summary and the review. */
export function fieldLabel(field: string): string {
  switch (field) {
    case 'applicantType':
      return msg('النوع');
    case 'entityName':
      return msg('اسم الجهة');
    case 'commercialRegistration':
      return msg('رقم السجل التجاري');
    case 'authorisationLetter':
      return msg('خطاب التفويض');
    case 'fullName':
      return msg('الاسم الرباعي');
    case 'idNumber':
      return msg('رقم الهوية');
    case 'mobile':
      return msg('رقم الجوال');
    case 'email':
      return msg('البريد الإلكتروني');
    case 'governorate':
      return msg('المحافظة');
    case 'appointmentType':
      return msg('نوع الموعد');
    case 'destination':
      return msg('جهة الزيارة');
    case 'gate':
      return msg('بوابة الدخول');
    case 'reason':
      return msg('سبب الزيارة');
    case 'subject':
      return msg('نص موضوع الزيارة');
    case 'subjectLetter':
      return msg('خطاب موضوع الزيارة');
    case 'idCopy':
      return msg('صورة هوية مقدم الطلب');
    case 'hasBelongings':
      return msg('هل لديك مرفقات أخرى؟');
    case 'belongings':
      return msg('قم باختيار المرفقات التي مع الزائر');
    case 'plate':
      return msg('لوحة السيارة');
    case 'plateMake':
      return msg('نوع السيارة');
    case 'plateColour':
      return msg('لون السيارة');
    case 'companions':
      return msg('المرافقون');
    case 'declaration':
      return msg('الإقرار');
    default: {
      const [group, index, sub] = field.split('.');
      if (group === 'companions' && sub) {
        const n = Number(index) + 1;
        const part = sub === 'idImage' ? msg('صورة الهوية') : fieldLabel(sub);
        return msg(str`المرافق ${n}: ${part}`);
      }
      return field;
    }
  }
}

/**
 * The hint under a full name, following the ID number it goes with (see `nameHolder`): a
 * citizen's four parts; a resident's name as on the Iqama, at least first and family name.
 */
export function fullNameHint(idNumber: string): string {
  return nameHolder(idNumber) === 'resident'
    ? msg('كما في الإقامة، الاسم الأول واسم العائلة على الأقل')
    : msg('الاسم واسم الأب واسم الجد واسم العائلة');
}
