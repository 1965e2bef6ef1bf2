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
    // The visit itself (#14): the pass, the calendar, cancelling, the car, a body, the preferred time, several files.
    s7001dcab275424a4: 'ملاقات کا اجازت نامہ',
    sd1751d00e5335589: 'اجازت نامہ پرنٹ کریں',
    s6f362c9a7ec43cb7: 'اجازت نامہ تصویر کے طور پر محفوظ کریں',
    s538f05ea471c9c3d: 'کیلنڈر میں شامل کریں',
    s7d04307082173472: 'درخواست منسوخ کریں',
    sc556e2b36ec758e6: 'گاڑی کی نمبر پلیٹ',
    sbf73ad44bfeefa8b: 'گاڑی کا ماڈل',
    s35bcaae513a286dc: 'گاڑی کا رنگ',
    s0aa2125d4ab3ee63: 'ادارے کا نام',
    s1209f4e788b360d0: 'کمرشل رجسٹریشن نمبر',
    se711a55e37715fef: 'اجازت نامۂ نمائندگی',
    s24dd3e79ddfb5eaa: 'ملاقات کا پسندیدہ وقت',
    s0d18ab17fd67a5cc: 'موزوں دن',
    sb30b533a068b761c: 'دن کا موزوں وقت',
    s946c5a3ea41c4c84: 'ایک اور فائل منسلک کریں',
    // "The service is not available right now."
    s1edc1e269ed76ff5: 'یہ سروس اس وقت دستیاب نہیں ہے۔',
  },
};
