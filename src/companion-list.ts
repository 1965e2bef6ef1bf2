/** Entry: `<emirate-companion-list>`, form-associated, usable in a plain host `<form>`. */
export { CompanionList } from './elements/companion-list/companion-list.js';
export type { CompanionEntry, CompanionsChangeDetail } from './elements/companion-list/companion-list.js';
export type { EmirateEventMap } from './events.js';
