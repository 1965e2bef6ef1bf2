import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DraftStore, DraftStoreError, clearAllDrafts, draftKey, toDraftStoreError } from '../../src/drafts/draft-store.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 25);

describe('DraftStore', () => {
  let dbName: string;
  let now: number;
  const open = (ttlMs?: number) => DraftStore.open({ dbName, now: () => now, ...(ttlMs ? { ttlMs } : {}) });
  const file = (text: string) => ({ blob: new Blob([text], { type: 'application/pdf' }), name: `${text}.pdf`, type: 'application/pdf' });
  const key = draftKey({ portal: '/api', user: '1085427373', form: 'booking' });

  beforeEach(() => {
    dbName = `drafts-test-${crypto.randomUUID()}`;
    now = T0;
  });
  afterEach(() => clearAllDrafts({ dbName }));

  it('keeps values and file Blobs and gives them back', async () => {
    const store = await open();
    await store.saveValues(key, { name: 'محمد', companions: [{ key: 'a', idNumber: '2345678904' }] });
    await store.saveFile(key, 'idCopy', file('id'));
    const draft = await store.load<{ name: string }>(key);
    expect(draft!.values).to.deep.equal({ name: 'محمد', companions: [{ key: 'a', idNumber: '2345678904' }] });
    expect(draft!.files.idCopy!.name).to.equal('id.pdf');
    expect(await draft!.files.idCopy!.blob.text()).to.equal('id');
    expect(draft!.savedAt).to.equal(T0);
    expect(draft!.expiresAt).to.equal(T0 + 14 * DAY);
    store.close();
  });

  it('typing rewrites only the values record, never the files', async () => {
    const store = await open();
    await store.saveFile(key, 'idCopy', file('id'));
    for (let i = 0; i < 30; i++) await store.saveValues(key, { subject: 'x'.repeat(i) });
    store.close();
    const db = await openDB(dbName);
    expect(await db.count('files')).to.equal(1);
    expect(await db.count('drafts')).to.equal(1);
    db.close();
    const again = await open();
    expect(await (await again.load(key))!.files.idCopy!.blob.text()).to.equal('id');
    again.close();
  });

  it('forgets one file slot, and keeps drafts of other users and portals apart', async () => {
    const store = await open();
    const other = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
    const otherPortal = draftKey({ portal: '/other-api', user: '1085427373', form: 'booking' });
    await store.saveValues(key, { v: 1 });
    await store.saveValues(other, { v: 2 });
    await store.saveValues(otherPortal, { v: 3 });
    await store.saveFile(key, 'idCopy', file('a'));
    await store.saveFile(key, 'subjectLetter', file('b'));
    await store.saveFile(other, 'idCopy', file('c'));
    await store.saveFile(key, 'idCopy', null);
    expect(Object.keys((await store.load(key))!.files)).to.deep.equal(['subjectLetter']);
    expect((await store.load(other))!.values).to.deep.equal({ v: 2 });
    expect((await store.load(otherPortal))!.values).to.deep.equal({ v: 3 });
    await store.delete(key);
    expect(await store.load(key)).to.equal(null);
    expect(await (await store.load(other))!.files.idCopy!.blob.text()).to.equal('c');
    await store.clearAll();
    expect(await store.load(other)).to.equal(null);
    store.close();
  });

  it('builds unambiguous keys', () => {
    expect(draftKey({ portal: 'a|b', user: 'c', form: 'f' })).to.not.equal(draftKey({ portal: 'a', user: 'b|c', form: 'f' }));
  });

  const expiry: Array<[string, number, number | undefined, boolean]> = [
    ['13 days later, default 14-day life', 13 * DAY, undefined, true],
    ['15 days later, default 14-day life', 15 * DAY, undefined, false],
    ['2 hours later, 1-hour life', 2 * 60 * 60 * 1000, 60 * 60 * 1000, false],
  ];
  for (const [name, later, ttl, kept] of expiry) {
    it(`${kept ? 'keeps' : 'deletes'} a draft ${name}`, async () => {
      const store = await open(ttl);
      await store.saveValues(key, { v: 1 });
      await store.saveFile(key, 'idCopy', file('a'));
      now = T0 + later;
      expect((await store.load(key)) !== null).to.equal(kept);
      store.close();
      if (!kept) {
        const db = await openDB(dbName);
        expect(await db.count('drafts')).to.equal(0);
        expect(await db.count('files')).to.equal(0);
        db.close();
      }
    });
  }

  it('a clock that was far ahead neither deletes the draft nor keeps it forever', async () => {
    const store = await open();
    now = T0 + 30 * DAY; // saved while the device clock was a month ahead
    await store.saveValues(key, { v: 1 });
    now = T0; // clock corrected
    const draft = await store.load(key);
    expect(draft).to.not.equal(null);
    expect(draft!.savedAt).to.equal(T0);
    now = T0 + 15 * DAY;
    expect(await store.load(key)).to.equal(null);
    store.close();
  });

  it('clears every draft at sign-out, even while a store is open in the page', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await clearAllDrafts({ dbName });
    const fresh = await open();
    expect(await fresh.load(key)).to.equal(null);
    fresh.close();
  });

  it('says drafts are unavailable when IndexedDB is missing', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    try {
      const error = await open().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(DraftStoreError);
      expect((error as DraftStoreError).reason).to.equal('unavailable');
      await clearAllDrafts({ dbName });
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
  });

  it('maps a full disk to "full" and other failures to "error"', async () => {
    expect(toDraftStoreError(new DOMException('no space', 'QuotaExceededError')).reason).to.equal('full');
    expect(toDraftStoreError(new TypeError('x')).reason).to.equal('error');
    const own = new DraftStoreError('blocked');
    expect(toDraftStoreError(own)).to.equal(own);
    const store = await open();
    store.close();
    const error = await store.saveValues(key, { v: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(DraftStoreError);
    expect((error as DraftStoreError).reason).to.equal('error');
  });
});
