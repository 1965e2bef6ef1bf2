/**
 * Catalogs the mock backend serves: the Najran Region Emirate's (from the service guide v1.1)
 * and a second, fictional-but-plausible Al-Jouf Region Emirate's, for re-use demos.
 */
import type { Catalog, CatalogOption, LocalizedText } from '../../src/api/types.js';

const text = (ar: string, en: string): LocalizedText => ({ ar, en });
const option = (id: string, ar: string, en: string): CatalogOption => ({ id, label: text(ar, en) });

/** The attachment rules DOMAIN.md suggests: PDF, JPEG, PNG, at most 5 MB. */
const FILE_RULES = {
  acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5 * 1024 * 1024,
};

/** The Najran Region Emirate (إمارة منطقة نجران): texts of the guide §1.5, lists of §1.9–1.12. */
export const najranCatalog: Catalog = {
  // Urdu too, for the gallery's run-time Urdu (the other texts show in English there).
  emirate: { name: { ...text('إمارة منطقة نجران', 'Najran Region Emirate'), ur: 'امارتِ علاقہ نجران' } },
  service: {
    name: { ...text('خدمة طلب موعد مع الإمارة', 'Request an appointment with the Emirate'), ur: 'امارت سے ملاقات کی درخواست' },
    description: text(
      'تتيح هذه الخدمة إمكانية التقدم بطلب موعد في الامارة',
      'This service lets you apply for an appointment at the Emirate.',
    ),
    terms: [
      text('بيانات مقدم الطلب (الاسم، رقم الهوية).', "The applicant's details (name, ID number)."),
      text('إرفاق صورة من هوية مقدم الطلب.', "A copy of the applicant's ID."),
      text('إرفاق خطاب سبب الزيارة.', 'A letter stating the reason for the visit.'),
    ],
    beneficiaries: text('المواطنون / المقيمون', 'Citizens / residents'),
    fee: text('لا يوجد رسوم', 'No fee'),
    duration: text('حسب اتفاقية مستوى الخدمة', 'As set by the service-level agreement'),
    channels: text('مواقع الإمارة', 'Emirate offices'),
    rating: 4.5,
  },
  applicantTypes: [
    { ...option('public-sector', 'قطاع عام', 'Public sector'), entity: { authorisationLetter: 'required' } },
    { ...option('private-sector', 'قطاع خاص', 'Private sector'), entity: { commercialRegistration: true, authorisationLetter: 'required' } },
    option('individual', 'فرد', 'Individual'),
  ],
  appointmentTypes: [
    {
      ...option('emir', 'موعد مع سمو أمير المنطقة', 'Appointment with His Highness the Emir of the Region'),
      destinations: [option('emir-office', 'مكتب سمو أمير المنطقة', "Office of His Highness the Emir")],
    },
    {
      ...option('deputy-emir', 'موعد مع سمو نائب أمير المنطقة', 'Appointment with His Highness the Deputy Emir of the Region'),
      destinations: [option('deputy-emir-office', 'مكتب سمو نائب أمير المنطقة', 'Office of His Highness the Deputy Emir')],
    },
    {
      ...option('department', 'موعد مع إدارة محددة', 'Appointment with a specific department'),
      usesDepartments: true,
    },
  ],
  departments: [
    option('rights', 'الإدارة العامة للحقوق', 'General Directorate of Rights'),
    option('security-affairs', 'الإدارة العامة للشؤون الأمنية', 'General Directorate of Security Affairs'),
    option('development-affairs', 'الإدارة العامة للشؤون التنموية', 'General Directorate of Development Affairs'),
    option('citizens-affairs', 'إدارة شؤون المواطنين', "Citizens' Affairs Department"),
    option('prisoners-affairs', 'إدارة شؤون السجناء', "Prisoners' Affairs Department"),
    option('follow-up', 'إدارة المتابعة', 'Follow-up Department'),
    option('communication', 'الإدارة العامة للتواصل المؤسسي', 'General Directorate of Corporate Communication'),
    option('information-technology', 'الإدارة العامة لتقنية المعلومات', 'General Directorate of Information Technology'),
  ],
  gates: [
    option('main', 'البوابة الرئيسية', 'Main gate'),
    option('north', 'البوابة الشمالية', 'North gate'),
    option('vip', 'بوابة كبار الزوار', 'VIP gate'),
  ],
  reasons: [
    option('complaint', 'شكوى', 'Complaint'),
    option('assistance', 'طلب مساعدة', 'Request for assistance'),
    option('follow-up', 'متابعة معاملة', 'Follow-up on a transaction'),
    option('suggestion', 'تقديم مقترح', 'Suggestion'),
    option('greeting', 'تهنئة / سلام', 'Greeting / courtesy visit'),
    option('other', 'أخرى', 'Other'),
  ],
  governorates: [
    option('najran', 'نجران', 'Najran'),
    option('sharurah', 'شرورة', 'Sharurah'),
    option('hubuna', 'حبونا', 'Hubuna'),
    option('badr-al-janub', 'بدر الجنوب', 'Badr Al-Janub'),
    option('yadamah', 'يدمة', 'Yadamah'),
    option('thar', 'ثار', 'Thar'),
    option('khubash', 'خباش', 'Khubash'),
    option('al-kharkhir', 'الخرخير', 'Al-Kharkhir'),
  ],
  belongings: [
    { ...option('private-car', 'سيارة خاصة', 'Private car'), vehicle: true },
    option('mobile-phone', 'هاتف محمول', 'Mobile phone'),
    option('tablet', 'جهاز لوحي', 'Tablet'),
    option('laptop', 'كمبيوتر محمول', 'Laptop'),
  ],
  files: FILE_RULES,
  // The guide's "اختيار ملفات" (#14): the letter may run to three files, 10 MB together; the ID copy to two (its front and back).
  attachments: {
    subjectLetter: { maxFiles: 3, maxTotalBytes: 10 * 1024 * 1024 },
    idCopy: { maxFiles: 2 },
  },
  companions: { max: 5 },
  subject: { maxLength: 1000 },
};

/** A second emirate (Al-Jouf Region, إمارة منطقة الجوف) with its own name, lists and limits. */
export const aljoufCatalog: Catalog = {
  ...najranCatalog,
  emirate: { name: text('إمارة منطقة الجوف', 'Al-Jouf Region Emirate') },
  service: {
    ...najranCatalog.service,
    name: text('خدمة حجز موعد مع إمارة منطقة الجوف', 'Book an appointment with the Al-Jouf Region Emirate'),
    description: text(
      'تتيح هذه الخدمة للمواطنين والمقيمين حجز موعد لمقابلة أمير المنطقة أو نائبه أو إحدى إدارات الإمارة.',
      'Citizens and residents can book an appointment with the Emir, the Deputy Emir or a department of the Emirate.',
    ),
    channels: text('مقر الإمارة في سكاكا ومكاتب المحافظات', 'The Emirate in Sakaka and the governorate offices'),
    rating: 4.2,
  },
  departments: [
    option('rights', 'الإدارة العامة للحقوق', 'General Directorate of Rights'),
    option('security-affairs', 'الإدارة العامة للشؤون الأمنية', 'General Directorate of Security Affairs'),
    option('development-affairs', 'الإدارة العامة للشؤون التنموية', 'General Directorate of Development Affairs'),
    option('citizens-affairs', 'إدارة شؤون المواطنين', "Citizens' Affairs Department"),
    option('governorates-affairs', 'إدارة شؤون المحافظات', "Governorates' Affairs Department"),
  ],
  gates: [
    option('main', 'البوابة الرئيسية', 'Main gate'),
    option('west', 'البوابة الغربية', 'West gate'),
  ],
  governorates: [
    option('sakaka', 'سكاكا', 'Sakaka'),
    option('dumat-al-jandal', 'دومة الجندل', 'Dumat Al-Jandal'),
    option('al-qurayyat', 'القريات', 'Al-Qurayyat'),
    option('tabarjal', 'طبرجل', 'Tabarjal'),
  ],
  companions: { max: 3 },
  subject: { maxLength: 800 },
};
