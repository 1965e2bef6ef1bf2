/** Entry: `<emirate-inbox>`, "My account": the citizen's requests, messages and replies. */
export { Inbox } from './elements/inbox/inbox.js';
export type { RequestCancelledDetail, RequestOpenedDetail, UnreadChangedDetail } from './elements/inbox/inbox.js';
export type { MessageSentDetail } from './elements/inbox/reply-form.js';
export type { RatingSubmittedDetail } from './elements/inbox/rating-form.js';
export type { EmirateEventMap } from './events.js';
