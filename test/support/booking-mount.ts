/** Mounting <emirate-booking-form> on the msw mock backend, as the form's tests do. */
import { fixture, html } from '@open-wc/testing';
import '../../src/booking-form.js';
import type { BookingForm } from '../../src/booking-form.js';
import { API_BASE } from './mock-backend.js';
import { settled, until } from './dom.js';
import { root } from './booking.js';

/** A booking form on the mock backend, once its first screen or its failure shows and it has settled. */
export async function mountForm(): Promise<BookingForm> {
  const form = await fixture<BookingForm>(html`<emirate-booking-form api-base=${API_BASE}></emirate-booking-form>`);
  await until(() => root(form).querySelector('form, [role=alert], section'), 'the form to load');
  await settled(form);
  return form;
}
