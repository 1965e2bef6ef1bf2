import { expect } from '@open-wc/testing';
import type { FieldErrorCode } from '../../src/domain/codes.js';
import { ApiError } from '../../src/api/errors.js';
import { apiErrorMessage, characterCount, companionCount, errorMessage, isKnownCode, type MessageContext } from '../../src/i18n/messages.js';
import { fieldLabel, fullNameHint } from '../../src/i18n/field-labels.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';

/** Every code, once: the compiler rejects a missing or unknown key. */
const CODES: Record<FieldErrorCode, true> = {
  required: true,
  'id-format': true,
  'id-prefix': true,
  'id-checksum': true,
  'id-duplicate': true,
  'id-same-as-applicant': true,
  'mobile-invalid': true,
  'email-invalid': true,
  'name-parts': true,
  'name-parts-resident': true,
  'name-chars': true,
  'too-long': true,
  'file-empty': true,
  'file-too-large': true,
  'file-type': true,
  'file-name-type': true,
  'upload-failed': true,
  'upload-pending': true,
  'companions-max': true,
  'transaction-invalid': true,
  'year-invalid': true,
  'cr-format': true,
  'plate-format': true,
  'plate-letter': true,
  'files-max': true,
  'files-total-too-large': true,
};

type Row = [code: string, context: MessageContext, ar: string, en: string];

/** Each field's own message (GOV.UK style), in both languages. */
const ROWS: Row[] = [
  ['required', { field: 'applicantType' }, 'اختر نوع مقدم الطلب', 'Select the applicant type'],
  ['required', { field: 'fullName' }, 'أدخل الاسم الرباعي', 'Enter your full name'],
  ['required', { field: 'fullName', holder: 'resident' }, 'أدخل الاسم كما في الإقامة', 'Enter your name as on your Iqama'],
  ['required', { field: 'idNumber' }, 'أدخل رقم الهوية', 'Enter your ID number'],
  ['required', { field: 'mobile' }, 'أدخل رقم الجوال', 'Enter your mobile number'],
  ['required', { field: 'email' }, 'أدخل البريد الإلكتروني', 'Enter your email address'],
  ['required', { field: 'governorate' }, 'اختر المحافظة من القائمة', 'Select a governorate from the list'],
  ['required', { field: 'appointmentType' }, 'اختر نوع الموعد', 'Select the appointment type'],
  ['required', { field: 'destination' }, 'اختر جهة الزيارة', 'Select the visit destination'],
  ['required', { field: 'gate' }, 'اختر بوابة الدخول', 'Select the entry gate'],
  ['required', { field: 'reason' }, 'اختر سبب الزيارة', 'Select the reason for your visit'],
  ['required', { field: 'subject' }, 'اكتب نص موضوع الزيارة', 'Enter the subject of your visit'],
  ['required', { field: 'subjectLetter' }, 'أرفق خطاب موضوع الزيارة', 'Attach the letter stating the subject of the visit'],
  ['required', { field: 'idCopy' }, 'أرفق صورة هوية مقدم الطلب', "Attach the copy of the applicant's ID"],
  ['required', { field: 'hasBelongings' }, 'اختر «نعم» إن كانت معك مرفقات أخرى، أو «لا»', 'Select yes if you have other belongings with you, or no'],
  ['required', { field: 'belongings' }, 'اختر المرفقات التي مع الزائر', 'Select the belongings the visitor will bring'],
  ['required', { field: 'entityName' }, 'أدخل اسم الجهة', 'Enter the name of the body you represent'],
  ['required', { field: 'commercialRegistration' }, 'أدخل رقم السجل التجاري', 'Enter the commercial registration number'],
  ['cr-format', { field: 'commercialRegistration' }, 'رقم السجل التجاري يتكون من 10 أرقام', 'The commercial registration number has 10 digits'],
  ['required', { field: 'authorisationLetter' }, 'أرفق خطاب التفويض', 'Attach the authorisation letter'],
  ['too-long', { field: 'entityName', max: 200 }, 'يجب ألا يزيد اسم الجهة على 200 حرف', "The body's name must be 200 characters or fewer"],
  ['required', { field: 'plate' }, 'أدخل رقم لوحة السيارة وحروفها', "Enter the car's plate number and letters"],
  ['plate-format', { field: 'plate' }, 'لوحة السيارة من 1 إلى 4 أرقام و3 حروف، مثل أ ب ح 1234', 'A car plate has 1 to 4 digits and 3 letters, like ABJ 1234'],
  ['plate-letter', { field: 'plate' }, 'في اللوحة حرف لا تستخدمه اللوحات السعودية. الحروف: أ ب ح د ر س ص ط ع ق ك ل م ن هـ و ى', 'The plate has a letter Saudi plates do not use. The letters are: A B J D R S X T E G K L Z N H U V'],
  ['too-long', { field: 'plateMake', max: 40 }, 'يجب ألا يزيد نوع السيارة على 40 حرفًا', "The car's make must be 40 characters or fewer"],
  ['too-long', { field: 'plateColour', max: 40 }, 'يجب ألا يزيد لون السيارة على 40 حرفًا', "The car's colour must be 40 characters or fewer"],
  ['required', { field: 'declaration' }, 'ضع علامة على الإقرار لتأكيد صحة البيانات', 'Tick the declaration to confirm your information is correct'],
  ['required', { field: 'companions.0.fullName' }, 'أدخل اسم المرافق 1', 'Enter the name of companion 1'],
  ['required', { field: 'companions.1.idNumber' }, 'أدخل رقم هوية المرافق 2', 'Enter the ID number of companion 2'],
  ['required', { field: 'companions.9.idImage' }, 'أرفق صورة هوية المرافق 10', "Attach companion 10's ID image"],
  ['required', { field: 'transactionNumber' }, 'أدخل رقم المعاملة', 'Enter the transaction number'],
  ['required', { field: 'year' }, 'أدخل السنة الهجرية', 'Enter the Hijri year'],
  ['required', {}, 'هذا الحقل مطلوب', 'This field is required'],
  ['name-parts', { field: 'fullName' }, 'أدخل الاسم الرباعي كاملًا (الاسم واسم الأب واسم الجد واسم العائلة)', "Enter the full name in four parts (first, father's, grandfather's and family name)"],
  ['name-parts-resident', { field: 'fullName' }, 'أدخل الاسم كما في الإقامة، الاسم الأول واسم العائلة على الأقل', 'Enter the name as on the Iqama: at least the first and family name'],
  ['name-parts', { field: 'companions.1.fullName' }, 'أدخل الاسم الرباعي للمرافق 2 (الاسم واسم الأب واسم الجد واسم العائلة)', "Enter companion 2's full name in four parts (first, father's, grandfather's and family name)"],
  ['name-parts-resident', { field: 'companions.1.fullName' }, 'أدخل اسم المرافق 2 كما في الإقامة، الاسم الأول واسم العائلة على الأقل', "Enter companion 2's name as on the Iqama: at least the first and family name"],
  ['name-chars', { field: 'companions.0.fullName' }, 'أدخل اسم المرافق 1 بالحروف فقط، بلا أرقام أو رموز', "Enter companion 1's name in letters only, without digits or symbols"],
  ['id-checksum', { field: 'companions.2.idNumber' }, 'رقم هوية المرافق 3 غير صحيح، تحقق من الأرقام', "Companion 3's ID number is not valid; check the digits"],
  ['id-same-as-applicant', { field: 'companions.0.idNumber' }, 'رقم هوية المرافق 1 لا يكون رقم هوية مقدم الطلب', "Companion 1's ID number cannot be the applicant's"],
  ['id-duplicate', { field: 'companions.3.idNumber' }, 'رقم هوية المرافق 4 مكرر لمرافق آخر', "Companion 4's ID number is already used by another companion"],
  ['mobile-invalid', { field: 'mobile' }, 'أدخل رقم جوال صحيحًا من 9 أرقام يبدأ بالرقم 5، مثل 5XXXXXXXX', 'Enter a valid mobile number: 9 digits starting with 5, like 5XXXXXXXX'],
  // Counts take the noun's form: 1000 حرف, 120 حرفًا, 10 أحرف.
  ['too-long', { field: 'subject', max: 1000 }, 'يجب ألا يزيد نص موضوع الزيارة على 1000 حرف', 'The subject of the visit must be 1000 characters or fewer'],
  ['too-long', { field: 'fullName', max: 120 }, 'يجب ألا يزيد الاسم على 120 حرفًا', 'The name must be 120 characters or fewer'],
  ['too-long', { field: 'companions.0.fullName', max: 120 }, 'يجب ألا يزيد اسم المرافق 1 على 120 حرفًا', "Companion 1's name must be 120 characters or fewer"],
  ['too-long', { field: 'email', max: 254 }, 'يجب ألا يزيد البريد الإلكتروني على 254 حرفًا', 'The email address must be 254 characters or fewer'],
  ['too-long', { field: 'reply', max: 2000 }, 'يجب ألا يزيد نص الرد على 2000 حرف', 'Your reply must be 2000 characters or fewer'],
  ['too-long', { max: 10 }, 'يجب ألا يزيد النص على 10 أحرف', 'The text must be 10 characters or fewer'],
  ['too-long', {}, 'النص أطول من الحد المسموح', 'The text is longer than allowed'],
  ['file-empty', { field: 'subjectLetter' }, 'ملف خطاب موضوع الزيارة فارغ، اختر ملفًا آخر', 'The file for the letter stating the subject of the visit is empty; choose another file'],
  ['file-too-large', { field: 'idCopy', max: '5 MB' }, 'حجم ملف صورة هوية مقدم الطلب أكبر من الحد المسموح (5 MB)', "The file for the copy of the applicant's ID is larger than allowed (5 MB)"],
  ['file-type', { field: 'companions.1.idImage', types: 'PDF' }, 'نوع ملف صورة هوية المرافق 2 غير مقبول. الأنواع المقبولة: PDF', "The type of the file for companion 2's ID image is not accepted. Accepted types: PDF"],
  ['file-name-type', { field: 'idCopy' }, 'اسم ملف صورة هوية مقدم الطلب ينتهي بامتداد لا يطابق محتواه. أعد تسمية الملف بامتداد نوعه الحقيقي ثم اختره مرة أخرى', "The name of the file for the copy of the applicant's ID ends in an extension that does not match its content. Rename the file with the extension of its real type, then choose it again"],
  ['file-name-type', {}, 'اسم الملف ينتهي بامتداد لا يطابق محتواه. أعد تسمية الملف بامتداد نوعه الحقيقي ثم اختره مرة أخرى', 'The file name ends in an extension that does not match its content. Rename the file with the extension of its real type, then choose it again'],
  ['upload-failed', { field: 'subjectLetter' }, 'تعذر رفع ملف خطاب موضوع الزيارة، أعد المحاولة', 'The file for the letter stating the subject of the visit could not be uploaded; try again'],
  ['upload-pending', { field: 'idCopy' }, 'انتظر حتى يكتمل رفع ملف صورة هوية مقدم الطلب', "Wait until the file for the copy of the applicant's ID has finished uploading"],
  ['upload-failed', {}, 'تعذر رفع الملف، أعد المحاولة', 'The file could not be uploaded; try again'],
  ['file-empty', {}, 'الملف فارغ، اختر ملفًا آخر', 'The file is empty; choose another file'],
  ['companions-max', { field: 'companions', max: 5 }, 'لا يمكن إضافة أكثر من 5 مرافقين', 'You cannot add more than 5 companions'],
  ['companions-max', { field: 'companions', max: 2 }, 'لا يمكن إضافة أكثر من مرافقَين اثنين', 'You cannot add more than 2 companions'],
  ['companions-max', { field: 'companions', max: 1 }, 'لا يمكن إضافة أكثر من مرافق واحد', 'You cannot add more than 1 companion'],
  ['companions-max', { field: 'companions', max: 20 }, 'لا يمكن إضافة أكثر من 20 مرافقًا', 'You cannot add more than 20 companions'],
];

describe('errorMessage', () => {
  after(() => setWidgetLocale('ar'));

  for (const [code, context, ar, en] of ROWS) {
    it(`${code} for ${context.field ?? 'no field'} (${JSON.stringify({ ...context, field: undefined })})`, async () => {
      await setWidgetLocale('ar');
      expect(errorMessage(code, context)).to.equal(ar);
      await setWidgetLocale('en');
      expect(errorMessage(code, context)).to.equal(en);
    });
  }

  it('has its own words for every code, and knows every code', async () => {
    await setWidgetLocale('ar');
    const unknown = errorMessage('no-such-code');
    for (const code of Object.keys(CODES)) {
      expect(isKnownCode(code), code).to.equal(true);
      expect(errorMessage(code, { max: 3 }), code).to.not.equal(unknown);
    }
  });

  it('never ends a summary link in doubled punctuation', async () => {
    for (const locale of ['ar', 'en']) {
      await setWidgetLocale(locale);
      for (const [code, context] of ROWS) expect(errorMessage(code, context), `${locale} ${code}`).to.not.match(/[؟?:.،,;؛]\s*[:.،,;؛]/);
    }
  });
});

describe('counted nouns', () => {
  after(() => setWidgetLocale('ar'));

  it('characters in Arabic take each form by the number', async () => {
    await setWidgetLocale('ar');
    expect([1, 2, 3, 10, 11, 99, 100, 120, 1000].map(characterCount)).to.deep.equal([
      'حرف واحد', 'حرفين', '3 أحرف', '10 أحرف', '11 حرفًا', '99 حرفًا', '100 حرف', '120 حرفًا', '1000 حرف',
    ]);
  });

  it('companions in Arabic take each form by the number', async () => {
    await setWidgetLocale('ar');
    expect([1, 2, 3, 11, 100].map(companionCount)).to.deep.equal(['مرافق واحد', 'مرافقَين اثنين', '3 مرافقين', '11 مرافقًا', '100 مرافق']);
  });

  it('English uses one and other', async () => {
    await setWidgetLocale('en');
    expect([1, 2, 1000].map(characterCount)).to.deep.equal(['1 character', '2 characters', '1000 characters']);
    expect([1, 5].map(companionCount)).to.deep.equal(['1 companion', '5 companions']);
  });
});

describe('apiErrorMessage: "your data is saved" only when asked', () => {
  after(() => setWidgetLocale('ar'));
  const kinds = ['network', 'timeout', 'unauthorized', 'server', 'bad-response'] as const;

  for (const kind of kinds) {
    it(`${kind}: kept says so, plain does not, in both languages`, async () => {
      const error = new ApiError(kind, 'x');
      await setWidgetLocale('ar');
      expect(apiErrorMessage(error, { kept: true })).to.contain('بياناتك محفوظة');
      expect(apiErrorMessage(error)).to.not.contain('بياناتك');
      expect(apiErrorMessage(error)).to.match(/\.$/);
      await setWidgetLocale('en');
      expect(apiErrorMessage(error, { kept: true })).to.contain('your information is kept');
      expect(apiErrorMessage(error)).to.not.contain('kept');
    });
  }
});

describe('apiErrorMessage: a bad answer from the server', () => {
  after(() => setWidgetLocale('ar'));

  it('says the answer was unexpected and to try again, in both languages, not the generic server error', async () => {
    const error = new ApiError('bad-response', 'x');
    await setWidgetLocale('ar');
    expect(apiErrorMessage(error)).to.equal('وصل من الخادم رد غير متوقع، فتعذر عرض البيانات. أعد المحاولة بعد قليل.');
    expect(apiErrorMessage(error)).to.not.equal(apiErrorMessage(new ApiError('server', 'x')));
    await setWidgetLocale('en');
    expect(apiErrorMessage(error)).to.equal('The server sent an unexpected answer, so this cannot be shown. Try again shortly.');
  });
});

describe('labels and hints', () => {
  after(() => setWidgetLocale('ar'));

  it('spells الاسم one way', async () => {
    await setWidgetLocale('ar');
    expect(fieldLabel('fullName')).to.equal('الاسم الرباعي');
    expect(fieldLabel('companions.0.fullName')).to.equal('المرافق 1: الاسم الرباعي');
  });

  it('the name hint follows the ID: four parts for a citizen, as on the Iqama for a resident', async () => {
    await setWidgetLocale('ar');
    expect(fullNameHint('1085427373')).to.equal('الاسم واسم الأب واسم الجد واسم العائلة');
    expect(fullNameHint('')).to.equal('الاسم واسم الأب واسم الجد واسم العائلة');
    expect(fullNameHint('2345678904')).to.equal('كما في الإقامة، الاسم الأول واسم العائلة على الأقل');
    await setWidgetLocale('en');
    expect(fullNameHint('2345678904')).to.equal('As on the Iqama: at least the first and family name');
  });
});
