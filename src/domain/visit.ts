/**
 * Rules of the visit itself (#14), with no DOM: when a pass is valid, how an ID number shows on
 * it, and whether a request can still be cancelled.
 */
import type { RequestDetail, RequestStatus, VisitPass } from '../api/types.js';

/** Where a pass stands at `now`: before its `validFrom`, within, or after its `validTo`. */
export type PassValidity = 'not-yet' | 'valid' | 'expired';

export function passValidity(pass: Pick<VisitPass, 'validFrom' | 'validTo'>, now: number = Date.now()): PassValidity {
  if (now < Date.parse(pass.validFrom)) return 'not-yet';
  if (now > Date.parse(pass.validTo)) return 'expired';
  return 'valid';
}

/**
 * An ID number as the pass shows it: the first digit (citizen or resident) and the last four,
 * the rest hidden (`1•••••7373`), so a lost screenshot does not give the number away.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 5) return '•'.repeat(id.length);
  return `${id[0]}${'•'.repeat(id.length - 5)}${id.slice(-4)}`;
}

/** Statuses after which nothing can change: no replies, no cancelling. */
export function isFinal(status: RequestStatus): boolean {
  return status === 'completed' || status === 'rejected' || status === 'cancelled';
}

/**
 * Whether the citizen may cancel the request at `now`: not completed, rejected or already
 * cancelled, and its appointment (if staff gave one) not yet past.
 */
export function canCancel(request: Pick<RequestDetail, 'status' | 'appointment'>, now: number = Date.now()): boolean {
  if (isFinal(request.status)) return false;
  return !request.appointment || Date.parse(request.appointment.at) > now;
}
