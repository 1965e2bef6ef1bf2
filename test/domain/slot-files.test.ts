/** Several files per attachment slot (#14): the slot's rules, places, errors and payload, as plain data. */
import { expect } from '@open-wc/testing';
import type { Catalog } from '../../src/api/types.js';
import { compareFieldPaths, emptyBooking, toBookingRequest, validateBooking } from '../../src/domain/booking.js';
import { laterRules } from '../../src/domain/booking-later.js';
import { moreFilesPayload, parseSlotKey, slotKeys, slotMaxFiles, slotRules, validateSlotFiles } from '../../src/domain/slot-files.js';
import { najranCatalog } from '../support/mock-backend.js';

const MB = 1024 * 1024;
const catalog: Catalog = {
  ...najranCatalog,
  files: { acceptedTypes: ['application/pdf'], maxBytes: 5 * MB },
  attachments: { subjectLetter: { maxFiles: 3, maxTotalBytes: 8 * MB }, idCopy: { acceptedTypes: ['image/png'] } },
};

describe('slot files', () => {
  it('takes a slot’s rules over the catalog’s files', () => {
    expect(slotRules(catalog, 'subjectLetter')).to.deep.equal({ acceptedTypes: ['application/pdf'], maxBytes: 5 * MB, maxFiles: 3, maxTotalBytes: 8 * MB });
    expect(slotRules(catalog, 'idCopy')).to.deep.equal({ acceptedTypes: ['image/png'], maxBytes: 5 * MB });
    expect(slotMaxFiles(catalog, 'subjectLetter')).to.equal(3);
    expect(slotMaxFiles(catalog, 'idCopy')).to.equal(1);
    expect(slotMaxFiles({ ...catalog, attachments: { idCopy: { maxFiles: 0 } } }, 'idCopy'), 'at least one').to.equal(1);
  });

  it('names a slot’s places, and reads them back', () => {
    expect(slotKeys('idCopy')).to.deep.equal(['idCopy']);
    expect(slotKeys('subjectLetter', 2)).to.deep.equal(['subjectLetter', 'subjectLetter.1', 'subjectLetter.2']);
    expect(slotKeys('subjectLetter', -3)).to.deep.equal(['subjectLetter']);
    expect(slotKeys('subjectLetter', 1e9), 'a draft’s count is data: at most 20 later places').to.have.length(21);
    expect(slotKeys('subjectLetter', Number.NaN)).to.deep.equal(['subjectLetter']);
    expect(parseSlotKey('subjectLetter.2')).to.deep.equal({ slot: 'subjectLetter', place: 2 });
    expect(parseSlotKey('idCopy')).to.deep.equal({ slot: 'idCopy', place: 0 });
    for (const other of ['companions.1.idImage', 'email', 'idCopy.x', 'idCopy.1.2']) expect(parseSlotKey(other), other).to.equal(undefined);
  });

  it('checks the later places: their own state, the count, and the weight together', () => {
    const sizes: Record<string, number> = { subjectLetter: 3 * MB, 'subjectLetter.1': 4 * MB, 'subjectLetter.2': 2 * MB, 'subjectLetter.3': 1 };
    const ready = (key: string) => key in sizes;
    const errors = validateSlotFiles(catalog, 'subjectLetter', 3, ready, (key) => sizes[key]);
    expect([...errors]).to.deep.equal([
      ['subjectLetter.2', 'files-total-too-large'],
      ['subjectLetter.3', 'files-max'],
    ]);
    // A refused file weighs nothing and says its own rule; one still uploading says so; an empty place is fine.
    const states: Record<string, boolean | 'file-type' | 'upload-pending'> = { subjectLetter: true, 'subjectLetter.1': 'file-type', 'subjectLetter.2': 'upload-pending' };
    const more = validateSlotFiles(catalog, 'subjectLetter', 3, (key) => states[key] ?? false, (key) => sizes[key]);
    expect([...more]).to.deep.equal([
      ['subjectLetter.1', 'file-type'],
      ['subjectLetter.2', 'upload-pending'],
    ]);
  });

  it('sends the later files of each slot in order, and nothing when every slot has one', () => {
    const refs = { subjectLetter: 'a', 'subjectLetter.1': 'b', 'subjectLetter.3': 'd', idCopy: 'c' };
    expect(moreFilesPayload({ subjectLetter: 3 }, refs)).to.deep.equal({ moreFiles: { subjectLetter: ['b', 'd'] } });
    expect(moreFilesPayload({}, refs)).to.deep.equal({});
    expect(moreFilesPayload({ idCopy: 2 }, refs), 'empty places send nothing').to.deep.equal({});
  });

  it('validateBooking and toBookingRequest take the later files with the later rules', () => {
    const values = { ...emptyBooking(), moreFiles: { subjectLetter: 1 } };
    const check = (key: string) => (key === 'subjectLetter.1' ? 'upload-failed' : true);
    const errors = validateBooking(values, catalog, check, { later: laterRules, sizeOf: () => 1 });
    expect(errors.get('subjectLetter.1')).to.equal('upload-failed');
    expect(validateBooking(values, catalog, check).has('subjectLetter.1'), 'without the later rules, not checked yet').to.equal(false);
    const request = toBookingRequest(values, { subjectLetter: 'a', 'subjectLetter.1': 'b', idCopy: 'c' }, 'ar', catalog, laterRules);
    expect(request.subjectLetter).to.equal('a');
    expect(request.moreFiles).to.deep.equal({ subjectLetter: ['b'] });
  });

  it('orders a slot’s later files after its first in the error summary', () => {
    const paths = ['idCopy', 'subjectLetter.2', 'email', 'subjectLetter', 'subjectLetter.1', 'companions.0.idImage'];
    expect(paths.sort(compareFieldPaths)).to.deep.equal(['email', 'subjectLetter', 'subjectLetter.1', 'subjectLetter.2', 'idCopy', 'companions.0.idImage']);
  });
});
