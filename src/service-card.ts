/** Entry: `<emirate-service-card>`, the service's description and "Start service". */
export { ServiceCard } from './elements/service-card/service-card.js';
export type { ServiceStartDetail } from './elements/service-card/service-card.js';
export type { EmirateEventMap } from './events.js';
