import { expect } from '@open-wc/testing';
import { plural } from '../../src/i18n/plural.js';
import { setWidgetLocale } from '../../src/i18n/localization.js';

const messages = (n: number) =>
  plural(n, { zero: 'لا رسائل', one: 'رسالة واحدة', two: 'رسالتان', few: `${n} رسائل`, many: `${n} رسالة`, other: `${n} رسالة` });

describe('plural', () => {
  after(() => setWidgetLocale('ar'));

  it('picks each of the six Arabic forms by Intl.PluralRules', async () => {
    await setWidgetLocale('ar');
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map(messages)).to.deep.equal([
      'لا رسائل', 'رسالة واحدة', 'رسالتان', '3 رسائل', '10 رسائل', '11 رسالة', '99 رسالة', '100 رسالة', '102 رسالة',
    ]);
  });

  it('uses one and other in English, falling back to other for a missing form', async () => {
    await setWidgetLocale('en');
    const en = (n: number) => plural(n, { one: 'one message', other: `${n} messages` });
    expect([0, 1, 2, 5].map(en)).to.deep.equal(['0 messages', 'one message', '2 messages', '5 messages']);
    expect(plural(1, { other: 'x' })).to.equal('x');
  });
});
