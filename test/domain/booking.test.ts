import { expect } from '@open-wc/testing';
import type { Catalog } from '../../src/api/types.js';
import {
  compareFieldPaths,
  destinationsFor,
  emptyBooking,
  toBookingRequest,
  validateBooking as validateBookingAlone,
  validateCompanions,
  type BookingValidationOptions,
  type BookingValues,
} from '../../src/domain/booking.js';
import { laterRules } from '../../src/domain/booking-later.js';

/** The rules as the form applies them once every section shows (the later rules given). */
const validateBooking = (...[values, catalog, hasFile, options]: Parameters<typeof validateBookingAlone>) =>
  validateBookingAlone(values, catalog, hasFile, { later: laterRules, ...options } satisfies BookingValidationOptions);

const t = (ar: string) => ({ ar, en: ar });
const catalog: Catalog = {
  emirate: { name: t('إمارة') },
  service: { name: t('s'), description: t('d'), terms: [], beneficiaries: t('b'), fee: t('f'), duration: t('d'), channels: t('c'), rating: 5 },
  applicantTypes: [
    { id: 'individual', label: t('فرد') },
    { id: 'public', label: t('قطاع عام'), entity: { authorisationLetter: 'optional' } },
    { id: 'private', label: t('قطاع خاص'), entity: { commercialRegistration: true, authorisationLetter: 'required' } },
  ],
  appointmentTypes: [
    { id: 'emir', label: t('أمير'), destinations: [{ id: 'emir-office', label: t('مكتب') }] },
    { id: 'department', label: t('إدارة'), usesDepartments: true },
  ],
  departments: [{ id: 'rights', label: t('الحقوق') }, { id: 'security', label: t('الأمن') }],
  gates: [{ id: 'main', label: t('الرئيسية') }],
  reasons: [{ id: 'complaint', label: t('شكوى') }],
  governorates: [{ id: 'najran', label: t('نجران') }],
  belongings: [{ id: 'car', label: t('سيارة'), vehicle: true }, { id: 'phone', label: t('هاتف') }],
  files: { acceptedTypes: ['application/pdf'], maxBytes: 1000 },
  companions: { max: 2 },
  subject: { maxLength: 10 },
};

const valid = (): BookingValues => ({
  ...emptyBooking(),
  applicantType: 'individual',
  fullName: 'محمد عبدالله سعيد القحطاني',
  idNumber: '1085427373',
  mobile: '٠٥١٢٣٤٥٦٧٨',
  email: ' a@b.sa ',
  appointmentType: 'department',
  destination: 'rights',
  gate: 'main',
  reason: 'complaint',
  subject: 'موضوع',
  hasBelongings: 'no',
  declaration: true,
});
const allFiles = () => true;

describe('booking model', () => {
  it('accepts a complete request', () => {
    expect([...validateBooking(valid(), catalog, allFiles)]).to.deep.equal([]);
  });

  const cases: Array<[string, Partial<BookingValues>, string, string]> = [
    ['unknown applicant type', { applicantType: 'alien' }, 'applicantType', 'required'],
    ['three-part name', { fullName: 'محمد عبدالله القحطاني' }, 'fullName', 'name-parts'],
    ['bad ID check digit', { idNumber: '1000000009' }, 'idNumber', 'id-checksum'],
    ['mobile not starting with 5', { mobile: '412345678' }, 'mobile', 'mobile-invalid'],
    ['email without domain dot', { email: 'a@b' }, 'email', 'email-invalid'],
    ['governorate not in the catalog', { governorate: 'riyadh' }, 'governorate', 'required'],
    ['destination of another type', { destination: 'emir-office' }, 'destination', 'required'],
    ['no gate', { gate: '' }, 'gate', 'required'],
    ['subject over the limit', { subject: 'أ'.repeat(11) }, 'subject', 'too-long'],
    ['belongings unanswered', { hasBelongings: '' }, 'hasBelongings', 'required'],
    ['belongings yes but none chosen', { hasBelongings: 'yes', belongings: [] }, 'belongings', 'required'],
    ['declaration unchecked', { declaration: false }, 'declaration', 'required'],
    ['a body without its name', { applicantType: 'public' }, 'entityName', 'required'],
    ['a private body without its registration', { applicantType: 'private', entityName: 'شركة' }, 'commercialRegistration', 'required'],
    ['a registration of nine digits', { applicantType: 'private', entityName: 'شركة', commercialRegistration: '١٠١٠٢٣٤٥٦' }, 'commercialRegistration', 'cr-format'],
    ['a car without its plate', { hasBelongings: 'yes', belongings: ['car'] }, 'plate', 'required'],
    ['a car plate of four letters', { hasBelongings: 'yes', belongings: ['car'], plate: 'ABJD 12' }, 'plate', 'plate-format'],
    ['a car plate with a letter no plate has', { hasBelongings: 'yes', belongings: ['car'], plate: 'ABC 12' }, 'plate', 'plate-letter'],
    ['a car make over 40 characters', { hasBelongings: 'yes', belongings: ['car'], plate: 'ABJ 1', plateMake: 'ت'.repeat(41) }, 'plateMake', 'too-long'],
    ['a car colour over 40 characters', { hasBelongings: 'yes', belongings: ['car'], plate: 'ABJ 1', plateColour: 'a'.repeat(41) }, 'plateColour', 'too-long'],
    ['too many companions', { companions: [1, 2, 3].map((i) => ({ key: `k${i}`, fullName: 'سعد محمد علي القحطاني', idNumber: '2345678904' })) }, 'companions', 'companions-max'],
    ['companion with the applicant’s ID', { companions: [{ key: 'k', fullName: 'سعد محمد علي القحطاني', idNumber: '1085427373' }] }, 'companions.0.idNumber', 'id-same-as-applicant'],
  ];
  for (const [name, patch, field, code] of cases) {
    it(`rejects ${name}`, () => {
      expect(validateBooking({ ...valid(), ...patch }, catalog, allFiles).get(field)).to.equal(code);
    });
  }

  it('requires both attachments and each companion’s ID image', () => {
    const values = { ...valid(), companions: [{ key: 'k', fullName: 'سعد محمد علي القحطاني', idNumber: '2345678904' }] };
    const errors = validateBooking(values, catalog, () => false);
    expect(errors.get('subjectLetter')).to.equal('required');
    expect(errors.get('idCopy')).to.equal('required');
    expect(errors.get('companions.0.idImage')).to.equal('required');
  });

  describe('names follow the ID, and the Nafath name is taken as given', () => {
    const rows: Array<[string, Partial<BookingValues>, { sessionName?: string }, string | undefined]> = [
      ['a citizen’s three-part name', { fullName: 'محمد عبدالله القحطاني', idNumber: '1085427373' }, {}, 'name-parts'],
      ['a resident’s two-part name', { fullName: 'Ramesh Kumar', idNumber: '2345678904' }, {}, undefined],
      ['a resident’s one-word name', { fullName: 'Senthil', idNumber: '2345678904' }, {}, 'name-parts-resident'],
      ['a two-part name while the ID is empty (the citizen rule)', { fullName: 'Ramesh Kumar', idNumber: '' }, {}, 'name-parts'],
      ['a two-part name while the ID is a bad one starting 2', { fullName: 'Ramesh Kumar', idNumber: '2000' }, {}, undefined],
      ['the session’s two-part name for a citizen', { fullName: 'محمد القحطاني', idNumber: '1085427373' }, { sessionName: 'محمد القحطاني' }, undefined],
      ['the session’s name, typed with other spaces', { fullName: ' محمد\u200f  القحطاني', idNumber: '1085427373' }, { sessionName: 'محمد القحطاني' }, undefined],
      ['the session’s name with a digit', { fullName: 'Mohammed 2nd', idNumber: '1085427373' }, { sessionName: 'Mohammed 2nd' }, undefined],
      ['another name than the session’s', { fullName: 'محمد سعيد', idNumber: '1085427373' }, { sessionName: 'محمد القحطاني' }, 'name-parts'],
      ['an emptied session name', { fullName: '', idNumber: '1085427373' }, { sessionName: 'محمد القحطاني' }, 'required'],
    ];
    for (const [name, patch, options, code] of rows) {
      it(`${name} → ${code ?? 'accepted'}`, () => {
        expect(validateBooking({ ...valid(), ...patch }, catalog, allFiles, options).get('fullName')).to.equal(code);
      });
    }
  });

  it('checks each companion’s name by the companion’s own ID', () => {
    const companions = [
      { key: 'a', fullName: 'Ramesh Kumar', idNumber: '2345678904' },
      { key: 'b', fullName: 'سعد القحطاني', idNumber: '1000000008' },
      { key: 'c', fullName: 'Senthil', idNumber: '2345678904' },
    ];
    const errors = validateCompanions(companions, '1085427373', allFiles);
    expect(errors.get('companions.0.fullName')).to.equal(undefined);
    expect(errors.get('companions.1.fullName')).to.equal('name-parts');
    expect(errors.get('companions.2.fullName')).to.equal('name-parts-resident');
  });

  it('says why a chosen attachment cannot be sent: its rule, a failed or an unfinished upload', () => {
    const values = { ...valid(), companions: [{ key: 'k', fullName: 'سعد محمد علي القحطاني', idNumber: '2345678904' }] };
    const states: Record<string, boolean | 'upload-failed' | 'upload-pending' | 'file-type'> = {
      subjectLetter: 'upload-failed',
      idCopy: 'upload-pending',
      'companion:k': 'file-type',
    };
    const errors = validateBooking(values, catalog, (slot) => states[slot] ?? false);
    expect(errors.get('subjectLetter')).to.equal('upload-failed');
    expect(errors.get('idCopy')).to.equal('upload-pending');
    expect(errors.get('companions.0.idImage')).to.equal('file-type');
  });

  it('checks the plate and a registration only with the later rules, which the form gives once it shows those fields', () => {
    const values = { ...valid(), hasBelongings: 'yes', belongings: ['car'], plate: 'ABC 12', applicantType: 'private', entityName: 'شركة', commercialRegistration: '123' } as BookingValues;
    expect(validateBookingAlone(values, catalog, allFiles).has('plate'), 'plate, alone').to.equal(false);
    expect(validateBookingAlone(values, catalog, allFiles).has('commercialRegistration'), 'registration, alone').to.equal(false);
    const errors = validateBooking(values, catalog, allFiles);
    expect([errors.get('plate'), errors.get('commercialRegistration')]).to.deep.equal(['plate-letter', 'cr-format']);
  });

  it('lists destinations by appointment type', () => {
    expect(destinationsFor(catalog, 'emir').map((d) => d.id)).to.deep.equal(['emir-office']);
    expect(destinationsFor(catalog, 'department')).to.have.length(2);
    expect(destinationsFor(catalog, '')).to.deep.equal([]);
  });

  it('normalises digits, spaces and belongings into the payload', () => {
    const request = toBookingRequest(
      { ...valid(), hasBelongings: 'no', belongings: ['car'], fullName: '  محمد\u200f  عبدالله سعيد القحطاني ' },
      { subjectLetter: 'u1', idCopy: 'u2' },
      'ar',
      catalog,
      laterRules,
    );
    expect(request.mobile).to.equal('512345678');
    expect(request.email).to.equal('a@b.sa');
    expect(request.fullName).to.equal('محمد عبدالله سعيد القحطاني');
    expect(request.belongings).to.deep.equal([]);
    expect(request.subjectLetter).to.equal('u1');
    expect(request).to.not.have.property('governorate');
    expect(request).to.not.have.property('plate');
  });

  it('asks a body for what its applicant type’s rules say, and sends it', () => {
    const noLetter = (slot: string) => slot !== 'authorisationLetter';
    const publicBody = { ...valid(), applicantType: 'public', entityName: ' بلدية نجران ' };
    expect([...validateBooking(publicBody, catalog, noLetter)], 'an optional letter may be missing').to.deep.equal([]);
    expect(validateBooking(publicBody, catalog, (slot) => (slot === 'authorisationLetter' ? 'upload-pending' : true)).get('authorisationLetter')).to.equal('upload-pending');
    expect(toBookingRequest(publicBody, {}, 'ar', catalog, laterRules).entity).to.deep.equal({ name: 'بلدية نجران' });
    const privateBody = { ...valid(), applicantType: 'private', entityName: 'شركة', commercialRegistration: '٥٩٥٠ ٠١٢ ٣٤٥' };
    expect(validateBooking(privateBody, catalog, noLetter).get('authorisationLetter')).to.equal('required');
    expect([...validateBooking(privateBody, catalog, allFiles)]).to.deep.equal([]);
    expect(toBookingRequest(privateBody, { authorisationLetter: 'u9' }, 'ar', catalog, laterRules).entity).to.deep.equal({ name: 'شركة', commercialRegistration: '5950012345', authorisationLetter: 'u9' });
    // An individual sends no body, whatever was typed before the type changed.
    expect(toBookingRequest({ ...privateBody, applicantType: 'individual' }, { authorisationLetter: 'u9' }, 'ar', catalog, laterRules)).to.not.have.property('entity');
  });

  it('asks for a plate only when a vehicle is declared, and sends it in one form with make and colour', () => {
    const phone = { ...valid(), hasBelongings: 'yes' as const, belongings: ['phone'], plate: 'rubbish' };
    expect([...validateBooking(phone, catalog, allFiles)]).to.deep.equal([]);
    expect(toBookingRequest(phone, {}, 'ar', catalog, laterRules)).to.not.have.property('plate');
    const car = { ...valid(), hasBelongings: 'yes' as const, belongings: ['phone', 'car'], plate: 'أ ب ح ١٢٣٤', plateMake: ' تويوتا ', plateColour: '' };
    expect([...validateBooking(car, catalog, allFiles)]).to.deep.equal([]);
    expect(toBookingRequest(car, {}, 'ar', catalog, laterRules).plate).to.deep.equal({ digits: '1234', letters: 'ABJ', make: 'تويوتا' });
    // "No belongings" drops the car and its plate, whatever was typed.
    expect(toBookingRequest({ ...car, hasBelongings: 'no' }, {}, 'ar', catalog, laterRules)).to.not.have.property('plate');
  });
});

describe('compareFieldPaths (the error summary’s order)', () => {
  it('puts fields in form order and companions by number, each one’s name, ID and ID image', () => {
    const paths = [
      'declaration',
      'companions.10.fullName',
      'companions.1.idImage',
      'companions.2.fullName',
      'companions',
      'companions.1.fullName',
      'companions.1.idNumber',
      'subjectLetter',
      'companions.0.idImage',
      'fullName',
      'unknown',
      'applicantType',
    ];
    expect([...paths].sort(compareFieldPaths)).to.deep.equal([
      'applicantType',
      'fullName',
      'subjectLetter',
      'companions',
      'companions.0.idImage',
      'companions.1.fullName',
      'companions.1.idNumber',
      'companions.1.idImage',
      'companions.2.fullName',
      'companions.10.fullName',
      'declaration',
      'unknown',
    ]);
  });
});
