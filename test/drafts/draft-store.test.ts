import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  DEFAULT_TTL_MS,
  DraftStore,
  DraftStoreError,
  clearAllDrafts,
  draftKey,
  toDraftStoreError,
} from '../../src/drafts/draft-store.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 25);

/** Settles to the rejection reason, or fails the test if `promise` resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('DraftStore', () => {
  let dbName: string;
  let now: number;
  const open = (ttlMs?: number) => DraftStore.open({ dbName, now: () => now, ...(ttlMs ? { ttlMs } : {}) });
  const file = (text: string) => ({ blob: new Blob([text], { type: 'application/pdf' }), name: `${text}.pdf`, type: 'application/pdf' });
  const key = draftKey({ portal: '/api', user: '1085427373', form: 'booking' });

  /**
   * The one file record of `slot` straight from IndexedDB, not through the store (records are
   * keyed by an HMAC of the draft's name, so found by slot); `edit` rewrites it there.
   */
  async function fileRecord(slot: string, edit?: (record: Record<string, unknown>) => Record<string, unknown>) {
    const db = await openDB(dbName);
    try {
      const tx = db.transaction('files', 'readwrite');
      const found = ((await tx.store.getAll()) as Array<Record<string, unknown>>).filter((r) => r.slot === slot);
      expect(found.length).to.equal(1);
      let record = found[0]!;
      if (edit) {
        record = edit(record);
        await tx.store.put(record);
      }
      await tx.done;
      return record;
    } finally {
      db.close();
    }
  }

  /** Record counts straight from IndexedDB, not through the store. */
  async function counts(): Promise<{ drafts: number; files: number }> {
    const db = await openDB(dbName);
    try {
      return { drafts: await db.count('drafts'), files: await db.count('files') };
    } finally {
      db.close();
    }
  }

  beforeEach(() => {
    dbName = `drafts-test-${crypto.randomUUID()}`;
    now = T0;
  });
  afterEach(() => clearAllDrafts({ dbName }));

  it('gives back nested values and a file Blob byte for byte', async () => {
    const values = {
      name: 'محمد',
      companions: [
        { key: 'a', idNumber: '2345678904', tags: ['x', 'y'] },
        { key: 'b', idNumber: '3456789012', tags: [] },
      ],
      dates: { from: '2026-12-01', to: null },
    };
    const bytes = new Uint8Array([0, 1, 2, 127, 128, 254, 255, 0x25, 0x50, 0x44, 0x46]);
    const store = await open();
    await store.saveValues(key, values);
    await store.saveFile(key, 'idCopy', { blob: new Blob([bytes], { type: 'image/png' }), name: 'هوية.png', type: 'image/png' });
    const draft = await store.load<typeof values>(key);
    store.close();
    expect(draft!.values).to.deep.equal(values);
    expect(Object.keys(draft!.files)).to.deep.equal(['idCopy']);
    const stored = draft!.files.idCopy!;
    expect(stored.name).to.equal('هوية.png');
    expect(stored.type).to.equal('image/png');
    expect(stored.blob).to.be.instanceOf(Blob);
    expect(Array.from(new Uint8Array(await stored.blob.arrayBuffer()))).to.deep.equal(Array.from(bytes));
    expect(draft!.savedAt).to.equal(T0);
    expect(draft!.expiresAt).to.equal(T0 + DEFAULT_TTL_MS);
  });

  it('gives null for a key never saved', async () => {
    const store = await open();
    expect(await store.load(key)).to.equal(null);
    store.close();
  });

  it('saveValues never rewrites file records', async () => {
    const bytes = new Uint8Array([9, 8, 7, 6, 5]);
    const store = await open();
    await store.saveFile(key, 'idCopy', { blob: new Blob([bytes]), name: 'id.bin', type: 'application/octet-stream' });
    // Mark the stored record behind the store's back: a rewrite from the store would drop the mark.
    await fileRecord('idCopy', (record) => ({ ...record, mark: 'untouched' }));
    for (let i = 0; i < 50; i++) {
      now = T0 + i * 1000;
      await store.saveValues(key, { subject: 'x'.repeat(i) });
    }
    const draft = await store.load<{ subject: string }>(key);
    store.close();
    expect(draft!.values.subject).to.equal('x'.repeat(49));
    expect(draft!.savedAt).to.equal(T0 + 49 * 1000);
    expect(Array.from(new Uint8Array(await draft!.files.idCopy!.blob.arrayBuffer()))).to.deep.equal([9, 8, 7, 6, 5]);
    const raw = await fileRecord('idCopy');
    expect(raw.mark).to.equal('untouched');
    expect(raw).to.not.have.property('blob');
    expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
  });

  it('keeps a file\'s lastModified when given, and adds none when not', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', { ...file('a'), lastModified: T0 - DAY });
    await store.saveFile(key, 'subjectLetter', file('b'));
    const draft = await store.load(key);
    store.close();
    expect(draft!.files.idCopy!.lastModified).to.equal(T0 - DAY);
    expect(draft!.files.subjectLetter).to.not.have.property('lastModified');
  });

  it('a file saved before any values is not a draft yet, and expires like one', async () => {
    const store = await open();
    await store.saveFile(key, 'idCopy', file('a'));
    expect(await store.load(key)).to.equal(null);
    expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
    now = T0 + 15 * DAY;
    expect(await store.load(key)).to.equal(null);
    store.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('a file saved before the values belongs to the draft once values are saved', async () => {
    const store = await open();
    await store.saveFile(key, 'idCopy', file('a'));
    now = T0 + HOUR;
    await store.saveValues(key, { v: 1 });
    const draft = await store.load(key);
    store.close();
    expect(draft!.values).to.deep.equal({ v: 1 });
    expect(draft!.savedAt).to.equal(T0 + HOUR);
    expect(await draft!.files.idCopy!.blob.text()).to.equal('a');
  });

  it('saveFile(key, slot, null) forgets that slot only', async () => {
    const other = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
    const store = await open();
    await store.saveFile(key, 'idCopy', file('a'));
    await store.saveFile(key, 'subjectLetter', file('b'));
    await store.saveFile(other, 'idCopy', file('c'));
    await store.saveValues(key, { v: 1 });
    await store.saveValues(other, { v: 2 });
    await store.saveFile(key, 'idCopy', null);
    const mine = await store.load(key);
    const theirs = await store.load(other);
    store.close();
    expect(Object.keys(mine!.files)).to.deep.equal(['subjectLetter']);
    expect(await mine!.files.subjectLetter!.blob.text()).to.equal('b');
    expect(await theirs!.files.idCopy!.blob.text()).to.equal('c');
    expect(await counts()).to.deep.equal({ drafts: 2, files: 2 });
  });

  it('replaces a slot when a new file is chosen for it', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('old'));
    await store.saveFile(key, 'idCopy', file('new'));
    const draft = await store.load(key);
    store.close();
    expect(draft!.files.idCopy!.name).to.equal('new.pdf');
    expect(await draft!.files.idCopy!.blob.text()).to.equal('new');
    expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
  });

  it('keeps each user and portal to their own draft', async () => {
    const scopes = [
      { portal: '/api', user: '1085427373' },
      { portal: '/api', user: '2345678904' },
      { portal: '/other-api', user: '1085427373' },
      { portal: '/other-api', user: '2345678904' },
    ];
    const keyOf = (i: number) => draftKey({ ...scopes[i]!, form: 'booking' });
    expect(new Set(scopes.map((_, i) => keyOf(i))).size).to.equal(4);
    const store = await open();
    for (const [i] of scopes.entries()) {
      await store.saveValues(keyOf(i), { owner: i });
      await store.saveFile(keyOf(i), 'idCopy', file(`file-${i}`));
    }
    for (const [i] of scopes.entries()) {
      const draft = await store.load<{ owner: number }>(keyOf(i));
      expect(draft!.values, `scope ${i}`).to.deep.equal({ owner: i });
      expect(Object.keys(draft!.files), `scope ${i}`).to.deep.equal(['idCopy']);
      expect(await draft!.files.idCopy!.blob.text(), `scope ${i}`).to.equal(`file-${i}`);
    }
    // The same user on the same portal, another form: nothing.
    expect(await store.load(draftKey({ ...scopes[0]!, form: 'rating' }))).to.equal(null);
    store.close();
  });

  const ambiguous: Array<[string, { portal: string; user: string; form: string }, { portal: string; user: string; form: string }]> = [
    ['| moved between portal and user', { portal: 'a|b', user: 'c', form: 'f' }, { portal: 'a', user: 'b|c', form: 'f' }],
    ['| moved between user and form', { portal: 'p', user: 'a|b', form: 'c' }, { portal: 'p', user: 'a', form: 'b|c' }],
    [': moved between portal and user', { portal: 'a:b', user: 'c', form: 'f' }, { portal: 'a', user: 'b:c', form: 'f' }],
    ['"," moved between portal and user', { portal: 'a","b', user: 'c', form: 'f' }, { portal: 'a', user: 'b","c', form: 'f' }],
    ['empty portal vs empty user', { portal: '', user: 'ab', form: 'f' }, { portal: 'ab', user: '', form: 'f' }],
  ];
  for (const [name, a, b] of ambiguous) {
    it(`draftKey is unambiguous: ${name}`, () => {
      expect(draftKey(a)).to.not.equal(draftKey(b));
      expect(draftKey(a)).to.equal(draftKey({ ...a }));
    });
  }

  it('delete(key) removes the draft and its files, and nothing else', async () => {
    const other = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('a'));
    await store.saveFile(key, 'companion:1', file('b'));
    await store.saveValues(other, { v: 2 });
    await store.saveFile(other, 'idCopy', file('c'));
    await store.delete(key);
    expect(await store.load(key)).to.equal(null);
    const theirs = await store.load(other);
    store.close();
    expect(theirs!.values).to.deep.equal({ v: 2 });
    expect(await theirs!.files.idCopy!.blob.text()).to.equal('c');
    expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
  });

  it('delete(key) of a key never saved is harmless', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.delete(draftKey({ portal: '/api', user: 'nobody', form: 'booking' }));
    expect((await store.load(key))!.values).to.deep.equal({ v: 1 });
    store.close();
  });

  it('clearAll() empties every draft and file', async () => {
    const other = draftKey({ portal: '/other-api', user: '2345678904', form: 'rating' });
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('a'));
    await store.saveValues(other, { v: 2 });
    await store.saveFile(other, 'idCopy', file('b'));
    await store.clearAll();
    expect(await store.load(key)).to.equal(null);
    expect(await store.load(other)).to.equal(null);
    store.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('clearAllDrafts deletes everything while no store is open', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('a'));
    store.close();
    await clearAllDrafts({ dbName });
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(dbName);
    const fresh = await open();
    expect(await fresh.load(key)).to.equal(null);
    fresh.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('clearAllDrafts of a database that never existed resolves', async () => {
    await clearAllDrafts({ dbName });
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(dbName);
  });

  it('clearAllDrafts does not hang while a store is open in the page', async function () {
    this.timeout(5000);
    const store = await open();
    try {
      await store.saveValues(key, { v: 1 });
      await store.saveFile(key, 'idCopy', file('a'));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const outcome = await Promise.race([
        clearAllDrafts({ dbName }).then(() => 'cleared'),
        new Promise<string>((resolve) => {
          timer = setTimeout(() => resolve('hung'), 4000);
        }),
      ]);
      clearTimeout(timer);
      expect(outcome).to.equal('cleared');
      // The open store stepped aside: its connection is closed, so it can no longer write.
      const error = await rejection(store.saveValues(key, { v: 2 }));
      expect(error).to.be.instanceOf(DraftStoreError);
    } finally {
      store.close(); // a no-op once it stepped aside; otherwise it would also hang afterEach
    }
    const fresh = await open();
    expect(await fresh.load(key)).to.equal(null);
    fresh.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  const expiry: Array<[string, number, number | undefined, boolean]> = [
    ['13 days later, default 14-day life', 13 * DAY, undefined, true],
    ['exactly 14 days later, default 14-day life', 14 * DAY, undefined, true],
    ['15 days later, default 14-day life', 15 * DAY, undefined, false],
    ['59 minutes later, 1-hour life', 59 * 60 * 1000, HOUR, true],
    ['2 hours later, 1-hour life', 2 * HOUR, HOUR, false],
    ['20 days later, 30-day life', 20 * DAY, 30 * DAY, true],
    ['31 days later, 30-day life', 31 * DAY, 30 * DAY, false],
  ];
  for (const [name, later, ttl, kept] of expiry) {
    it(`${kept ? 'keeps' : 'deletes'} a draft ${name}`, async () => {
      const other = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
      const store = await open(ttl);
      await store.saveValues(key, { v: 1 });
      await store.saveFile(key, 'idCopy', file('a'));
      now = T0 + later;
      // Saved "now": another user's draft, still young, must survive the expiry of this one.
      await store.saveValues(other, { v: 2 });
      await store.saveFile(other, 'idCopy', file('b'));
      const draft = await store.load<{ v: number }>(key);
      store.close();
      if (kept) {
        expect(draft!.values).to.deep.equal({ v: 1 });
        expect(draft!.expiresAt).to.equal(T0 + (ttl ?? DEFAULT_TTL_MS));
        expect(await counts()).to.deep.equal({ drafts: 2, files: 2 });
      } else {
        expect(draft).to.equal(null);
        expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
      }
    });
  }

  it('a clock that was far ahead neither deletes the draft nor keeps it forever', async () => {
    const store = await open();
    now = T0 + 30 * DAY; // saved while the device clock was a month ahead
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('a'));
    now = T0; // clock corrected
    const draft = await store.load(key);
    expect(draft!.values).to.deep.equal({ v: 1 });
    expect(await draft!.files.idCopy!.blob.text()).to.equal('a');
    expect(draft!.savedAt).to.equal(T0);
    expect(draft!.expiresAt).to.equal(T0 + DEFAULT_TTL_MS);
    store.close();
    // The reset was written, not only returned: a new store sees it.
    const later = await open();
    now = T0 + 13 * DAY;
    expect((await later.load(key))!.savedAt).to.equal(T0);
    now = T0 + 15 * DAY;
    expect(await later.load(key)).to.equal(null);
    later.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('a clock a few hours ahead keeps the saved times', async () => {
    const store = await open();
    now = T0 + 3 * HOUR;
    await store.saveValues(key, { v: 1 });
    now = T0;
    const draft = await store.load(key);
    store.close();
    expect(draft!.savedAt).to.equal(T0 + 3 * HOUR);
    expect(draft!.expiresAt).to.equal(T0 + 3 * HOUR + DEFAULT_TTL_MS);
  });

  it('says drafts are unavailable when IndexedDB is missing', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    try {
      expect(window.indexedDB).to.equal(undefined);
      const error = await rejection(open());
      expect(error).to.be.instanceOf(DraftStoreError);
      expect((error as DraftStoreError).reason).to.equal('unavailable');
      expect(await clearAllDrafts({ dbName })).to.equal(undefined);
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
    expect(window.indexedDB).to.be.instanceOf(IDBFactory);
  });

  const mapped: Array<[string, unknown, string]> = [
    ['QuotaExceededError DOMException', new DOMException('no space', 'QuotaExceededError'), 'full'],
    ['an error caused by a QuotaExceededError', new Error('write failed', { cause: new DOMException('no space', 'QuotaExceededError') }), 'full'],
    ['AbortError DOMException', new DOMException('aborted', 'AbortError'), 'error'],
    ['InvalidStateError DOMException', new DOMException('closing', 'InvalidStateError'), 'error'],
    ['TypeError', new TypeError('x'), 'error'],
    ['null', null, 'error'],
    ['a string', 'boom', 'error'],
  ];
  for (const [name, error, reason] of mapped) {
    it(`toDraftStoreError maps ${name} to "${reason}"`, () => {
      const result = toDraftStoreError(error);
      expect(result).to.be.instanceOf(DraftStoreError);
      expect(result.reason).to.equal(reason);
      expect(result.cause).to.equal(error);
    });
  }

  it('toDraftStoreError passes a DraftStoreError through unchanged', () => {
    for (const reason of ['unavailable', 'blocked', 'full', 'error'] as const) {
      const own = new DraftStoreError(reason);
      expect(toDraftStoreError(own)).to.equal(own);
    }
  });

  const failing: Array<[string, (store: DraftStore) => Promise<unknown>]> = [
    ['saveValues', (s) => s.saveValues(key, { v: 1 })],
    ['saveFile', (s) => s.saveFile(key, 'idCopy', file('a'))],
    ['saveFile(null)', (s) => s.saveFile(key, 'idCopy', null)],
    ['load', (s) => s.load(key)],
    ['delete', (s) => s.delete(key)],
    ['clearAll', (s) => s.clearAll()],
  ];
  for (const [name, op] of failing) {
    it(`${name} on a closed store rejects with DraftStoreError "error"`, async () => {
      const store = await open();
      store.close();
      const error = await rejection(op(store));
      expect(error).to.be.instanceOf(DraftStoreError);
      expect((error as DraftStoreError).reason).to.equal('error');
      expect((error as DraftStoreError).cause).to.be.instanceOf(DOMException);
    });
  }

  it('values that cannot be stored reject with DraftStoreError "error"', async () => {
    const store = await open();
    const error = await rejection(store.saveValues(key, { v: 1, count: 10n }));
    expect(error).to.be.instanceOf(DraftStoreError);
    expect((error as DraftStoreError).reason).to.equal('error');
    expect((error as DraftStoreError).cause).to.be.instanceOf(TypeError);
    // The store still works afterwards.
    await store.saveValues(key, { v: 2 });
    expect((await store.load(key))!.values).to.deep.equal({ v: 2 });
    store.close();
  });

  it('purgeExpired deletes expired drafts with their files, counts them, and keeps the rest', async () => {
    const young = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
    const filesOnly = draftKey({ portal: '/other-api', user: '1085427373', form: 'booking' });
    const store = await open();
    await store.saveValues(key, { v: 1 });
    await store.saveFile(key, 'idCopy', file('a'));
    await store.saveFile(key, 'companion:1', file('b'));
    await store.saveFile(filesOnly, 'idCopy', file('c'));
    now = T0 + 10 * DAY;
    await store.saveValues(young, { v: 2 });
    await store.saveFile(young, 'idCopy', file('d'));
    expect(await store.purgeExpired()).to.equal(0);
    now = T0 + 15 * DAY;
    expect(await store.purgeExpired()).to.equal(2);
    expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
    expect(await store.purgeExpired()).to.equal(0);
    expect(await (await store.load(young))!.files.idCopy!.blob.text()).to.equal('d');
    now = T0 + 25 * DAY;
    expect(await store.purgeExpired()).to.equal(1);
    store.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('purgeExpired restarts the times of a draft saved by a clock far ahead', async () => {
    const store = await open();
    now = T0 + 365 * DAY;
    await store.saveValues(key, { v: 1 });
    now = T0;
    expect(await store.purgeExpired()).to.equal(0);
    now = T0 + 15 * DAY;
    expect(await store.purgeExpired()).to.equal(1);
    store.close();
    expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
  });

  it('steps aside when another tab upgrades the database', async () => {
    const store = await open();
    await store.saveValues(key, { v: 1 });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const newer = await Promise.race([
      openDB(dbName, 3),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the upgrade was blocked')), 2000);
      }),
    ]);
    clearTimeout(timer);
    newer.close();
    expect(((await rejection(store.saveValues(key, { v: 2 }))) as DraftStoreError).reason).to.equal('error');
    // This (older) code cannot open the newer database: drafts are off, the form goes on.
    const error = await rejection(open());
    expect((error as DraftStoreError).reason).to.equal('unavailable');
    expect(((error as DraftStoreError).cause as DOMException).name).to.equal('VersionError');
  });

  it('rejects "blocked" when the database stays busy for 3 s, and works once it is free', async function () {
    this.timeout(8000);
    (await open()).close();
    // A connection that ignores versionchange keeps a deletion waiting, and our open behind it.
    const holder = await openDB(dbName);
    const deletion = new Promise((resolve) => {
      indexedDB.deleteDatabase(dbName).onsuccess = resolve;
    });
    const started = Date.now();
    const error = await rejection(open());
    expect(Date.now() - started).to.be.within(2500, 5000);
    expect((error as DraftStoreError).reason).to.equal('blocked');
    holder.close();
    await deletion;
    const store = await open();
    await store.saveValues(key, { v: 1 });
    expect((await store.load(key))!.values).to.deep.equal({ v: 1 });
    store.close();
  });

  it('uses the IndexedDB it is given, even when the page has none', async () => {
    const real = indexedDB;
    const calls: string[] = [];
    const factory = {
      open: (name: string, version?: number) => (calls.push('open'), real.open(name, version)),
      deleteDatabase: (name: string) => (calls.push('deleteDatabase'), real.deleteDatabase(name)),
    } as unknown as IDBFactory;
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
    try {
      const store = await DraftStore.open({ dbName, indexedDB: factory });
      await store.saveValues(key, { v: 1 });
      expect((await store.load(key))!.values).to.deep.equal({ v: 1 });
      store.close();
      await clearAllDrafts({ dbName, indexedDB: factory });
    } finally {
      Object.defineProperty(window, 'indexedDB', original);
    }
    expect(calls).to.deep.equal(['open', 'deleteDatabase']);
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(dbName);
  });

  describe('sealed at rest', () => {
    const ID = '1085427373';
    const NAME = 'محمد عبدالله سعيد القحطاني';
    const IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => (i * 37) % 256)]);

    /** Every record of `store` straight from disk. */
    async function rawRecords(store: 'drafts' | 'files' | 'keys'): Promise<Array<Record<string, unknown>>> {
      const db = await openDB(dbName);
      try {
        return (await db.getAll(store)) as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    }

    /** All bytes a record holds: its binary parts (Blobs read) and its other fields as UTF-8 JSON. */
    async function bytesOf(value: unknown): Promise<Uint8Array[]> {
      if (value instanceof ArrayBuffer) return [new Uint8Array(value)];
      if (ArrayBuffer.isView(value)) return [new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
      if (value instanceof Blob) return [new Uint8Array(await value.arrayBuffer())];
      if (value && typeof value === 'object') return (await Promise.all(Object.values(value).map(bytesOf))).flat();
      return [new TextEncoder().encode(JSON.stringify(value))];
    }

    const contains = (haystack: Uint8Array, needle: Uint8Array) =>
      haystack.some((_, i) => needle.every((b, j) => haystack[i + j] === b));

    async function saveSensitiveDraft() {
      const store = await open();
      await store.saveValues(key, { idNumber: ID, fullName: NAME, subject: 'زيارة' });
      await store.saveFile(key, 'idCopy', { blob: new Blob([IMAGE], { type: 'image/png' }), name: `هوية ${ID}.png`, type: 'image/png' });
      return store;
    }

    it('keeps no plaintext ID number, name, file name or image bytes on disk, not even in record keys', async () => {
      const store = await saveSensitiveDraft();
      store.close();
      const records = [...(await rawRecords('drafts')), ...(await rawRecords('files'))];
      expect(records.length).to.equal(2);
      const needles = [new TextEncoder().encode(ID), new TextEncoder().encode(NAME), new TextEncoder().encode('هوية'), IMAGE.slice(0, 16), IMAGE.slice(16, 48)];
      for (const record of records) {
        for (const bytes of await bytesOf(record)) {
          for (const needle of needles) expect(contains(bytes, needle), `record ${JSON.stringify(Object.keys(record))} holds plaintext`).to.equal(false);
        }
      }
      // The check itself can fail: a plaintext copy is found.
      expect(contains(new TextEncoder().encode(`{"id":"${ID}"}`), needles[0]!)).to.equal(true);
      expect(contains((await bytesOf({ data: new Blob([IMAGE]) }))[0]!, needles[3]!), 'Blobs are read too').to.equal(true);
    });

    it('restores what it sealed, byte for byte', async () => {
      const store = await saveSensitiveDraft();
      const draft = await store.load<{ idNumber: string; fullName: string }>(key);
      store.close();
      expect(draft!.values.idNumber).to.equal(ID);
      expect(draft!.values.fullName).to.equal(NAME);
      expect(draft!.files.idCopy!.name).to.equal(`هوية ${ID}.png`);
      expect(draft!.files.idCopy!.type).to.equal('image/png');
      expect(Array.from(new Uint8Array(await draft!.files.idCopy!.blob.arrayBuffer()))).to.deep.equal(Array.from(IMAGE));
    });

    it('seals under a non-extractable AES-GCM key, with a fresh IV for every write', async () => {
      const store = await open();
      await store.saveValues(key, { v: 1 });
      const first = (await rawRecords('drafts'))[0]!.values as { iv: Uint8Array };
      await store.saveValues(key, { v: 1 });
      store.close();
      const second = (await rawRecords('drafts'))[0]!.values as { iv: Uint8Array };
      expect(Array.from(first.iv)).to.not.deep.equal(Array.from(second.iv));
      const [{ seal, name }] = (await rawRecords('keys')) as Array<{ seal: CryptoKey; name: CryptoKey }>;
      expect(seal.extractable).to.equal(false);
      expect((seal.algorithm as AesKeyAlgorithm).name).to.equal('AES-GCM');
      expect((seal.algorithm as AesKeyAlgorithm).length).to.equal(256);
      expect(await rejection(crypto.subtle.exportKey('raw', seal))).to.be.instanceOf(DOMException);
      expect(name.extractable).to.equal(false);
      expect(name.algorithm.name).to.equal('HMAC');
    });

    it('cannot read a draft without its key: the draft is dropped, nothing breaks', async () => {
      (await saveSensitiveDraft()).close();
      // The disk without the key (copied elsewhere, or the key record lost).
      const db = await openDB(dbName);
      await db.clear('keys');
      db.close();
      const store = await open();
      expect(await store.load(key)).to.equal(null);
      expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
      await store.saveValues(key, { v: 2 });
      expect((await store.load(key))!.values).to.deep.equal({ v: 2 });
      store.close();
    });

    it('sign-out deletes the key with the drafts', async () => {
      (await saveSensitiveDraft()).close();
      expect((await rawRecords('keys')).length).to.equal(1);
      await clearAllDrafts({ dbName });
      expect((await indexedDB.databases()).some((d) => d.name === dbName)).to.equal(false);
    });

    it('drops drafts an earlier version kept in the clear', async () => {
      const old = await openDB(dbName, 1, {
        upgrade(db) {
          db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
          db.createObjectStore('files', { keyPath: ['key', 'slot'] }).createIndex('draft', 'key');
        },
      });
      await old.put('drafts', { key, values: { idNumber: ID }, savedAt: T0, expiresAt: T0 + DAY });
      old.close();
      const store = await open();
      expect(await store.load(key)).to.equal(null);
      store.close();
      expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
    });
  });
});

describe('DraftStore with a broken IndexedDB', () => {
  interface FakeRequest {
    onblocked?: () => void;
    onerror?: () => void;
    onsuccess?: () => void;
    result?: unknown;
    error?: unknown;
  }
  /** A factory whose `open()` hands back a request that `script` drives, a tick later. */
  const factory = (script: (request: FakeRequest) => void) =>
    ({
      open() {
        const request: FakeRequest = {};
        setTimeout(() => script(request));
        return request;
      },
    }) as unknown as IDBFactory;
  const reasonOf = async (options: Parameters<typeof DraftStore.open>[0]) => {
    const error = await rejection(DraftStore.open({ dbName: 'never-created', ...options }));
    expect(error).to.be.instanceOf(DraftStoreError);
    return error as DraftStoreError;
  };

  it('no IndexedDB at all (null) is "unavailable", and clearAllDrafts still resolves', async () => {
    expect((await reasonOf({ indexedDB: null })).reason).to.equal('unavailable');
    expect(await clearAllDrafts({ indexedDB: null })).to.equal(undefined);
  });

  it('an open() that throws is "unavailable"', async () => {
    const thrown = new DOMException('denied', 'SecurityError');
    const broken = { open: () => { throw thrown; }, deleteDatabase: () => { throw thrown; } } as unknown as IDBFactory;
    const error = await reasonOf({ indexedDB: broken });
    expect(error.reason).to.equal('unavailable');
    expect(error.cause).to.equal(thrown);
    expect(await clearAllDrafts({ indexedDB: broken })).to.equal(undefined);
  });

  it('an open request that fails is "unavailable"', async () => {
    const failure = new DOMException('private mode', 'InvalidStateError');
    const error = await reasonOf({
      indexedDB: factory((request) => {
        request.error = failure;
        request.onerror?.();
      }),
    });
    expect(error.reason).to.equal('unavailable');
    expect(error.cause).to.equal(failure);
  });

  it('a blocked open is "blocked" at once, and a connection arriving later is closed', async () => {
    let closed = false;
    let request: FakeRequest | undefined;
    const started = Date.now();
    const error = await reasonOf({
      indexedDB: factory((r) => {
        request = r;
        r.onblocked?.();
      }),
    });
    expect(error.reason).to.equal('blocked');
    expect(Date.now() - started).to.be.below(1000);
    request!.result = { close: () => (closed = true) };
    request!.onsuccess?.();
    expect(closed).to.equal(true);
  });

  it('a write the disk has no room for is "full"', async () => {
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    const quota = new DOMException('no space', 'QuotaExceededError');
    // Chrome's way: the request only says AbortError, the transaction says QuotaExceededError.
    const fullDisk = {
      open(name: string, version?: number) {
        const request = indexedDB.open(name, version);
        request.addEventListener('success', () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
            const tx = transaction(...args);
            // The sealing key fits (it is made once, at first open); drafts do not.
            if ([args[0]].flat().includes('keys')) return tx;
            Object.defineProperty(tx, 'error', { get: () => quota });
            queueMicrotask(() => tx.abort());
            return tx;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = await DraftStore.open({ dbName, indexedDB: fullDisk });
    try {
      const writes = [() => store.saveValues('k', { v: 1 }), () => store.saveFile('k', 'idCopy', { blob: new Blob(['a']), name: 'a', type: '' })];
      for (const write of writes) {
        const error = await rejection(write());
        expect(error).to.be.instanceOf(DraftStoreError);
        expect((error as DraftStoreError).reason).to.equal('full');
        expect((error as DraftStoreError).cause).to.equal(quota);
      }
    } finally {
      store.close();
      await clearAllDrafts({ dbName });
    }
  });

  it('a database that refuses Blobs (WebKit in a private window) keeps a file\'s bytes all the same', async () => {
    const dbName = `drafts-test-${crypto.randomUUID()}`;
    // WebKit's way: the put of a Blob fails as the transaction commits, "UnknownError".
    const refused = new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError');
    let blobPuts = 0;
    const noBlobs = {
      open(name: string, version?: number) {
        const request = indexedDB.open(name, version);
        request.addEventListener('success', () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          db.transaction = ((...args: Parameters<IDBDatabase['transaction']>) => {
            const tx = transaction(...args);
            const objectStore = tx.objectStore.bind(tx);
            tx.objectStore = (storeName: string) => {
              const store = objectStore(storeName);
              const put = store.put.bind(store);
              store.put = (value: { body?: { data?: unknown } }, key?: IDBValidKey) => {
                if (!(value?.body?.data instanceof Blob)) return put(value, key);
                blobPuts++;
                Object.defineProperty(tx, 'error', { get: () => refused });
                queueMicrotask(() => tx.abort());
                return put({ ...value, body: { ...value.body, data: new ArrayBuffer(0) } }, key);
              };
              return store;
            };
            return tx;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = await DraftStore.open({ dbName, indexedDB: noBlobs });
    try {
      await store.saveValues('k', { v: 1 });
      await store.saveFile('k', 'idCopy', { blob: new Blob(['the scan'], { type: 'image/png' }), name: 'هويتي.png', type: 'image/png' });
      await store.saveFile('k', 'letter', { blob: new Blob(['the letter'], { type: 'application/pdf' }), name: 'letter.pdf', type: 'application/pdf' });
      expect(blobPuts, 'Blobs are tried once, then bytes go in as they are').to.equal(1);
      const draft = (await store.load<{ v: number }>('k'))!;
      expect(draft.values).to.deep.equal({ v: 1 });
      expect(draft.files.idCopy!.name).to.equal('هويتي.png');
      expect(await draft.files.idCopy!.blob.text()).to.equal('the scan');
      expect(await draft.files.letter!.blob.text()).to.equal('the letter');
    } finally {
      store.close();
      await clearAllDrafts({ dbName });
    }
  });
});
