import { msg, str } from '@lit/localize';

/** The label of each booking field (guide pictures 6–8), for the form, the error summary and the review. */
export function fieldLabel(field: string): string {
  switch (field) {
    case 'applicantType':
      return msg('النوع', { id: 'field.applicantType' });
    case 'fullName':
      return msg('الإسم الرباعي', { id: 'field.fullName' });
    case 'idNumber':
      return msg('رقم الهوية', { id: 'field.idNumber' });
    case 'mobile':
      return msg('رقم الجوال', { id: 'field.mobile' });
    case 'email':
      return msg('البريد الإلكتروني', { id: 'field.email' });
    case 'governorate':
      return msg('المحافظة', { id: 'field.governorate' });
    case 'appointmentType':
      return msg('نوع الموعد', { id: 'field.appointmentType' });
    case 'destination':
      return msg('جهة الزيارة', { id: 'field.destination' });
    case 'gate':
      return msg('بوابة الدخول', { id: 'field.gate' });
    case 'reason':
      return msg('سبب الزيارة', { id: 'field.reason' });
    case 'subject':
      return msg('نص موضوع الزيارة', { id: 'field.subject' });
    case 'subjectLetter':
      return msg('خطاب موضوع الزيارة', { id: 'field.subjectLetter' });
    case 'idCopy':
      return msg('صورة هوية مقدم الطلب', { id: 'field.idCopy' });
    case 'hasBelongings':
      return msg('هل لديك مرفقات أخرى؟', { id: 'field.hasBelongings' });
    case 'belongings':
      return msg('قم باختيار المرفقات التي مع الزائر', { id: 'field.belongings' });
    case 'companions':
      return msg('المرافقون', { id: 'companions.title' });
    case 'declaration':
      return msg('الإقرار', { id: 'field.declaration' });
    default: {
      const [group, index, sub] = field.split('.');
      if (group === 'companions' && sub) {
        const n = Number(index) + 1;
        const part = sub === 'idImage' ? msg('صورة الهوية', { id: 'field.idImage' }) : fieldLabel(sub);
        return msg(str`المرافق ${n}: ${part}`, { id: 'companions.fieldLabel' });
      }
      return field;
    }
  }
}
