/**
 * Urdu (اردو), added at run time as a portal would: a language code, its direction and the
 * messages it has, by msg id (the ids are in locales/en.xlf, each with its Arabic source and
 * English text). Only part of the widget is translated here, on purpose: whatever is left out
 * shows in English. The demo's language switch registers it; test/i18n/run-time-locales.test.ts
 * proves it.
 */
import type { LocaleDefinition } from '../../src/locales.js';

export const urdu: LocaleDefinition = {
  dir: 'rtl',
  messages: {
    // The booking form's title and sections.
    s448d797e3f8cdadb: 'ملاقات کی درخواست',
    s049a502b9ed0824a: 'درخواست دہندہ کی تفصیلات',
    s4af9be71a248310b: 'ملاقات کی تفصیلات',
    sf0c07f0dccb5da49: 'ملاقات کے منسلکات',
    sa3d05999bbda9752: 'ملاقاتی کا سامان',
    s9321db4cae3feb18: 'ساتھی',
    sa29cd2af92dc118c: 'اقرار نامہ',
    // A few labels and the button.
    sddd8b864c6b4dfcb: 'مکمل نام (چار حصوں میں)',
    s7f44bc0d3f1c1eee: 'شناختی نمبر',
    s923eafcc15c0611b: 'موبائل نمبر',
    s39747c2ffbcaba84: 'ای میل',
    s5da6a6c99f21272c: 'جائزے کے لیے آگے بڑھیں',
    // "The service is not available right now."
    s1edc1e269ed76ff5: 'یہ سروس اس وقت دستیاب نہیں ہے۔',
  },
};
