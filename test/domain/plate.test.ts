import { expect } from '@open-wc/testing';
import { PLATE_LETTERS, formatPlate, parsePlate } from '../../src/domain/plate.js';
import { table } from './table.js';

const ok = (digits: string, letters: string) => ({ plate: { digits, letters } });

table('parsePlate: Arabic or Latin letters, Arabic-Indic digits, either order, any spacing', parsePlate, [
  ['ABJ 1234', ok('1234', 'ABJ')],
  ['1234 ABJ', ok('1234', 'ABJ')],
  ['abj1234', ok('1234', 'ABJ')],
  ['1234-abj', ok('1234', 'ABJ')],
  ['ا ب ح ١٢٣٤', ok('1234', 'ABJ')],
  ['أ ب ح 1234', ok('1234', 'ABJ')],
  ['١٢٣٤ ا ب ح', ok('1234', 'ABJ')],
  ['۱۲۳ د ر س', ok('123', 'DRS')],
  ['ص ط ع 7', ok('7', 'XTE')],
  ['ق ك ل 45', ok('45', 'GKL')],
  ['م ن هـ 9999', ok('9999', 'ZNH')],
  ['م ن ه 9999', ok('9999', 'ZNH')],
  ['و ى ي 12', ok('12', 'UVV')],
  ['\u200Fا ب ح\u200F 12', ok('12', 'ABJ')],
  ['ا ب H 5', ok('5', 'ABH')],
  ['', { error: 'required' }],
  ['   ', { error: 'required' }],
  ['ABJ', { error: 'plate-format' }],
  ['1234', { error: 'plate-format' }],
  ['AB 1234', { error: 'plate-format' }],
  ['ABJD 1234', { error: 'plate-format' }],
  ['ABJ 12345', { error: 'plate-format' }],
  ['ABJ 0123', { error: 'plate-format' }],
  ['12 ABJ 34', { error: 'plate-format' }],
  ['ABC 1234', { error: 'plate-letter' }],
  ['ABO 1234', { error: 'plate-letter' }],
  ['ا ب ج 1234', { error: 'plate-letter' }],
  ['ث ب ح 1234', { error: 'plate-letter' }],
]);

describe('plate letters', () => {
  it('are the seventeen of DOMAIN.md, each Arabic letter with its Latin form, both ways', () => {
    expect(PLATE_LETTERS.map(([, latin]) => latin).join('')).to.equal('ABJDRSXTEGKLZNHUV');
    for (const [arabic, latin] of PLATE_LETTERS) {
      expect(parsePlate(`${arabic} ${arabic} ${arabic} 1`), arabic).to.deep.equal(ok('1', latin.repeat(3)));
      expect(parsePlate(`${latin.toLowerCase().repeat(3)} 1`), latin).to.deep.equal(ok('1', latin.repeat(3)));
    }
  });

  it('formatPlate shows the Arabic letters and the Latin ones, as on the plate', () => {
    expect(formatPlate({ digits: '1234', letters: 'ABJ' })).to.equal('ا ب ح 1234 · ABJ 1234');
    expect(formatPlate({ digits: '7', letters: 'ZNH' })).to.equal('م ن هـ 7 · ZNH 7');
  });
});
