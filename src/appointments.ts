/**
 * Entry: `<emirate-appointments>`, the application shell, with every view it routes to
 * (service card, booking form, inbox, inquiry box). Only this entry loads the router.
 */
import './booking-form.js';
import './inbox.js';
import './inquiry-box.js';
import './service-card.js';

export { Appointments } from './elements/appointments/appointments.js';
export type { ViewChangedDetail } from './elements/appointments/appointments.js';
export type { ViewName } from './elements/appointments/routes.js';
export type { EmirateEventMap } from './events.js';
