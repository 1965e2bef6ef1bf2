/** Entry: `<emirate-inquiry-box>`, the public transaction inquiry. */
export { InquiryBox } from './elements/inquiry-box/inquiry-box.js';
export type { InquiryResultDetail } from './elements/inquiry-box/inquiry-box.js';
export type { EmirateEventMap } from './events.js';
