/**
 * The rules of booking fields a citizen meets only below the form's first screen, and only when
 * they ask for them: a car's plate, a body's commercial registration. Apart from ./booking.ts so
 * the first screen does not carry them; the form hands them to {@link validateBooking} and
 * {@link toBookingRequest} once it shows those fields (src/elements/booking-form/sections/rest.ts).
 */
import { normalizeCommercialRegistration, validateCommercialRegistration } from './commercial-registration.js';
import { parsePlate } from './plate.js';

export const laterRules = { parsePlate, validateCommercialRegistration, normalizeCommercialRegistration };

export type LaterRules = typeof laterRules;
