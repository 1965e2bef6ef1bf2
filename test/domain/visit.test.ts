import { expect } from '@open-wc/testing';
import { canCancel, isFinal, maskIdNumber, passValidity } from '../../src/domain/visit.js';
import type { RequestStatus } from '../../src/api/types.js';
import { table } from './table.js';

const pass = { validFrom: '2026-12-10T04:30:00Z', validTo: '2026-12-10T09:30:00Z' };
const at = (iso: string) => Date.parse(iso);

table('passValidity: before, within and after the pass’s window (bounds included)', (now: string) => passValidity(pass, at(now)), [
  ['2026-12-10T04:29:59Z', 'not-yet'],
  ['2026-12-10T04:30:00Z', 'valid'],
  ['2026-12-10T07:00:00Z', 'valid'],
  ['2026-12-10T09:30:00Z', 'valid'],
  ['2026-12-10T09:30:01Z', 'expired'],
]);

table('maskIdNumber: the first digit and the last four', maskIdNumber, [
  ['1085427373', '1•••••7373'],
  ['2345678904', '2•••••8904'],
  ['12345', '•••••'],
  ['', ''],
]);

table('isFinal: completed, rejected and cancelled take nothing more', (status: RequestStatus) => isFinal(status), [
  ['submitted', false],
  ['under-processing', false],
  ['needs-documents', false],
  ['approved', false],
  ['completed', true],
  ['rejected', true],
  ['cancelled', true],
]);

describe('canCancel', () => {
  const now = at('2026-12-03T07:00:00Z');
  it('allows a request that is open, with or without an appointment ahead', () => {
    expect(canCancel({ status: 'submitted' }, now)).to.equal(true);
    expect(canCancel({ status: 'needs-documents' }, now)).to.equal(true);
    expect(canCancel({ status: 'approved', appointment: { at: '2026-12-09T06:30:00Z', gate: 'north' } }, now)).to.equal(true);
  });
  it('refuses a completed, rejected or cancelled request, and one past its appointment', () => {
    for (const status of ['completed', 'rejected', 'cancelled'] as const) expect(canCancel({ status }, now), status).to.equal(false);
    expect(canCancel({ status: 'approved', appointment: { at: '2026-12-03T06:59:59Z', gate: 'north' } }, now)).to.equal(false);
  });
});
