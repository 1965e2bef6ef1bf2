import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  DEFAULT_TTL_MS,
  DraftStore,
  DraftStoreError,
  MIN_SECRET_BYTES,
  VALUES_ONLY_TTL_MS,
  clearAllDrafts,
  draftKey,
  paddedSize,
  parseDraftSecret,
  toDraftStoreError,
} from '../../src/drafts/draft-store.js';
import { table } from '../domain/table.js';
import { storedSize } from '../support/engine.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 25);

/** A draft secret as a backend issues one: 32 random bytes, base64url without padding. */
function newSecret(bytes = MIN_SECRET_BYTES): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
const SECRET = newSecret();

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
  /** A store unlocked with `secret` (default: the user's backend secret; `null`: none). */
  const open = async (ttlMs?: number, secret: string | null = SECRET) => {
    const store = await DraftStore.open({ dbName, now: () => now, ...(ttlMs ? { ttlMs } : {}) });
    await store.unlock(secret);
    return store;
  };
  const file = (text: string) => ({ blob: new Blob([text], { type: 'application/pdf' }), name: `${text}.pdf`, type: 'application/pdf' });
  const key = draftKey({ portal: '/api', user: '1085427373', form: 'booking' });

  /**
   * The one file record straight from IndexedDB, not through the store (records and slots are
   * keyed by HMACs, so it is the only one); `edit` rewrites it there.
   */
  async function fileRecord(edit?: (record: Record<string, unknown>) => Record<string, unknown>) {
    const db = await openDB(dbName);
    try {
      const tx = db.transaction('files', 'readwrite');
      const found = (await tx.store.getAll()) as Array<Record<string, unknown>>;
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
    await fileRecord((record) => ({ ...record, mark: 'untouched' }));
    for (let i = 0; i < 50; i++) {
      now = T0 + i * 1000;
      await store.saveValues(key, { subject: 'x'.repeat(i) });
    }
    const draft = await store.load<{ subject: string }>(key);
    store.close();
    expect(draft!.values.subject).to.equal('x'.repeat(49));
    expect(draft!.savedAt).to.equal(T0 + 49 * 1000);
    expect(Array.from(new Uint8Array(await draft!.files.idCopy!.blob.arrayBuffer()))).to.deep.equal([9, 8, 7, 6, 5]);
    const raw = await fileRecord();
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
    // Closing forgets the keys: what needs them is locked; what does not finds the connection closed.
    const reason = name === 'clearAll' ? 'error' : 'locked';
    it(`${name} on a closed store rejects with DraftStoreError "${reason}"`, async () => {
      const store = await open();
      store.close();
      const error = await rejection(op(store));
      expect(error).to.be.instanceOf(DraftStoreError);
      expect((error as DraftStoreError).reason).to.equal(reason);
      if (reason === 'error') expect((error as DraftStoreError).cause).to.be.instanceOf(DOMException);
    });
    it(`${name} on a connection closed under the store (another tab deleted the database) rejects "error"`, async () => {
      const store = await open();
      await clearAllDrafts({ dbName }); // the open connection steps aside, the keys stay
      const error = await rejection(op(store));
      expect(error).to.be.instanceOf(DraftStoreError);
      expect((error as DraftStoreError).reason).to.equal('error');
      store.close();
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
      openDB(dbName, 4),
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
      await store.unlock(SECRET);
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

  describe('sealed at rest, under the backend secret', () => {
    const ID = '1085427373';
    const NAME = 'محمد عبدالله سعيد القحطاني';
    const FILE_NAME = `هوية ${ID}.png`;
    const IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => (i * 37) % 256)]);
    const STORE_NAMES = ['drafts', 'files', 'device', 'signins'] as const;
    type Raw = Record<string, unknown>;

    /** Every record of `store` straight from disk. */
    async function rawRecords(store: (typeof STORE_NAMES)[number], name = dbName): Promise<Raw[]> {
      const db = await openDB(name);
      try {
        return (await db.getAll(store)) as Raw[];
      } finally {
        db.close();
      }
    }

    /** All bytes a value holds: its binary parts (Blobs read) and its other fields as UTF-8 JSON. */
    async function bytesOf(value: unknown): Promise<Uint8Array[]> {
      if (value instanceof ArrayBuffer) return [new Uint8Array(value)];
      if (ArrayBuffer.isView(value)) return [new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
      if (value instanceof Blob) return [new Uint8Array(await value.arrayBuffer())];
      if (value && typeof value === 'object') return (await Promise.all(Object.values(value).map(bytesOf))).flat();
      return [new TextEncoder().encode(JSON.stringify(value))];
    }

    const contains = (haystack: Uint8Array, needle: Uint8Array) =>
      haystack.some((_, i) => needle.every((b, j) => haystack[i + j] === b));

    /** Fails when any record of any store (its key included) holds one of `needles`. */
    async function expectNowhere(needles: Array<[string, Uint8Array]>) {
      for (const store of STORE_NAMES) {
        for (const record of await rawRecords(store)) {
          for (const bytes of await bytesOf(record)) {
            for (const [what, needle] of needles) expect(contains(bytes, needle), `${what} in the clear in ${store}`).to.equal(false);
          }
        }
      }
    }

    async function saveSensitiveDraft(store?: DraftStore) {
      const opened = store ?? (await open());
      await opened.saveValues(key, { idNumber: ID, fullName: NAME, subject: 'زيارة' });
      await opened.saveFile(key, 'idCopy', { blob: new Blob([IMAGE], { type: 'image/png' }), name: FILE_NAME, type: 'image/png', lastModified: T0 - DAY });
      return opened;
    }

    /** A fresh database holding copies of every record (keys included) of this one. */
    async function copyOfDisk(): Promise<string> {
      const copy = `drafts-copy-${crypto.randomUUID()}`;
      (await DraftStore.open({ dbName: copy })).close();
      const source = await openDB(dbName);
      const target = await openDB(copy);
      try {
        for (const store of STORE_NAMES) for (const record of await source.getAll(store)) await target.put(store, record);
      } finally {
        source.close();
        target.close();
      }
      return copy;
    }

    it('keeps no ID number, name, file name, slot name, image bytes or saved-at time in the clear, not even in keys', async () => {
      now = T0 + 17 * 60 * 1000 + 3000; // not on the hour: the expiry on disk must be rounded
      const store = await saveSensitiveDraft();
      await store.noteSignedIn('/api', key, T0 + 8 * HOUR + 5000);
      store.close();
      const text = (s: string) => new TextEncoder().encode(s);
      const needles: Array<[string, Uint8Array]> = [
        ['the ID number', text(ID)],
        ['the name', text(NAME)],
        ['the file name', text('هوية')],
        ['the slot name', text('idCopy')],
        ['the form name', text('booking')],
        ['the image', IMAGE.slice(0, 16)],
        ['the image', IMAGE.slice(16, 48)],
        ['the saved-at time', text(String(now))],
        ['the saved-at time', text(new Date(now).toISOString().slice(0, 16))],
        ['the file date', text(String(T0 - DAY))],
        ['the session end', text(String(T0 + 8 * HOUR + 5000))],
      ];
      await expectNowhere(needles);
      const [draft] = await rawRecords('drafts');
      const [file] = await rawRecords('files');
      expect(Object.keys(draft!).sort()).to.deep.equal(['expiresAt', 'key', 'values', 'wrapped']);
      expect(Object.keys(file!).sort()).to.deep.equal(['body', 'key', 'meta', 'slot']);
      expect(draft!.expiresAt, 'expiry rounded up to the hour').to.equal(T0 + DEFAULT_TTL_MS + HOUR);
      expect((await rawRecords('signins'))[0]!.endsAt).to.equal(T0 + 9 * HOUR);
      // The check itself can fail: a plaintext copy is found.
      const probe = [...(await bytesOf({ id: ID, data: new Blob([IMAGE]) }))];
      expect(probe.some((b) => contains(b, needles[0]![1])), 'JSON is read').to.equal(true);
      expect(probe.some((b) => contains(b, needles[5]![1])), 'Blobs are read').to.equal(true);
    });

    it('restores what it sealed, byte for byte, with its own saved-at time', async () => {
      now = T0 + 17 * 60 * 1000;
      const store = await saveSensitiveDraft();
      const draft = await store.load<{ idNumber: string; fullName: string }>(key);
      store.close();
      expect(draft!.values.idNumber).to.equal(ID);
      expect(draft!.values.fullName).to.equal(NAME);
      expect(draft!.savedAt, 'the exact time, from the sealed payload').to.equal(now);
      expect(draft!.expiresAt).to.equal(T0 + DEFAULT_TTL_MS + HOUR);
      expect(draft!.files.idCopy!.name).to.equal(FILE_NAME);
      expect(draft!.files.idCopy!.type).to.equal('image/png');
      expect(draft!.files.idCopy!.lastModified).to.equal(T0 - DAY);
      expect(Array.from(new Uint8Array(await draft!.files.idCopy!.blob.arrayBuffer()))).to.deep.equal(Array.from(IMAGE));
    });

    it('pads what it seals to size buckets: files, names and values a little apart store the same sizes', async () => {
      const store = await open();
      const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) % 251);
      const sizes = [700, 703, 100_000, 100_050];
      for (const [i, n] of sizes.entries()) {
        await store.saveFile(key, `slot-${i}`, { blob: new Blob([bytes(n)]), name: i % 2 ? 'a-much-longer-file-name.pdf' : 'a.pdf', type: 'application/pdf' });
      }
      const other = draftKey({ portal: '/api', user: '2345678904', form: 'booking' });
      await store.saveValues(key, { fullName: 'علي' });
      await store.saveValues(other, { fullName: 'عبدالرحمن محمد عبدالله آل سعيد القحطاني' });
      const restored = await store.load(key);
      store.close();
      for (const [i, n] of sizes.entries()) expect(restored!.files[`slot-${i}`]!.blob.size).to.equal(n);
      const files = await rawRecords('files');
      const bodySizes = await Promise.all(files.map((f) => storedSize((f.body as { data: Blob | ArrayBuffer }).data)));
      const metaSizes = files.map((f) => ((f.meta as { data: ArrayBuffer }).data).byteLength);
      const tag = 16; // AES-GCM's authentication tag
      expect([...new Set(bodySizes)].sort((a, b) => a - b)).to.deep.equal([paddedSize(704) + tag, paddedSize(100_054) + tag]);
      expect(new Set(metaSizes).size, 'names of different lengths, one size').to.equal(1);
      const valueSizes = (await rawRecords('drafts')).map((d) => ((d.values as { data: ArrayBuffer }).data).byteLength);
      expect(valueSizes).to.have.length(2);
      expect(valueSizes[0]).to.equal(valueSizes[1]);
    });

    it('keeps the data key only wrapped: no key object on disk, no device key made, a fresh IV for every write', async () => {
      const store = await open();
      await store.saveValues(key, { v: 1 });
      const first = (await rawRecords('drafts'))[0]!;
      await store.saveValues(key, { v: 1 });
      await store.saveFile(key, 'idCopy', { blob: new Blob([IMAGE]), name: 'a.png', type: 'image/png' });
      store.close();
      const second = (await rawRecords('drafts'))[0]!;
      expect(Array.from((first.values as { iv: Uint8Array }).iv)).to.not.deep.equal(Array.from((second.values as { iv: Uint8Array }).iv));
      expect(second.wrapped).to.be.instanceOf(ArrayBuffer);
      expect((second.wrapped as ArrayBuffer).byteLength, 'a 256-bit key wrapped with AES-KW').to.equal(40);
      expect(Array.from(new Uint8Array(first.wrapped as ArrayBuffer)), 'one data key for the draft').to.deep.equal(Array.from(new Uint8Array(second.wrapped as ArrayBuffer)));
      expect(await rawRecords('device'), 'no key of this device').to.deep.equal([]);
      const objects = async (value: unknown): Promise<unknown[]> =>
        value instanceof CryptoKey ? [value] : value && typeof value === 'object' && !(value instanceof Blob) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)
          ? (await Promise.all(Object.values(value).map(objects))).flat()
          : [];
      for (const store of STORE_NAMES) for (const record of await rawRecords(store)) expect(await objects(record), `a CryptoKey in ${store}`).to.deep.equal([]);
    });

    it('a copied profile decrypts nothing: every record and stored key, moved to a fresh database, opens nothing without the secret', async () => {
      (await saveSensitiveDraft()).close();
      // A values-only draft too, so that this device's key is on the disk that is copied.
      const valuesOnly = await open(undefined, null);
      await valuesOnly.saveValues(draftKey({ portal: '/other-api', user: '2345678904', form: 'booking' }), { other: true });
      valuesOnly.close();
      const copy = await copyOfDisk();
      try {
        const copied = (name: (typeof STORE_NAMES)[number]) => rawRecords(name, copy);
        expect((await copied('drafts')).length).to.equal(2);
        expect((await copied('device')).length).to.equal(1);

        // What the copy's own keys open: not the draft (the device key never sealed it).
        const without = await DraftStore.open({ dbName: copy, now: () => now });
        await without.unlock(null);
        expect(await without.load(key), 'nothing with the keys on the copied disk').to.equal(null);
        await without.unlock(newSecret());
        expect(await without.load(key), 'nothing with another secret').to.equal(null);
        without.close();

        // Not even the stored device key decrypts a sealed part, with or without its associated data.
        const [{ seal }] = (await copied('device')) as Array<{ seal: CryptoKey }>;
        const secretDraft = (await copied('drafts')).find((d) => d.wrapped)!;
        const [file] = await copied('files');
        const sealed: Array<[{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer | Blob }, string[]]> = [
          [secretDraft.values as never, [secretDraft.key as string, 'values']],
          [file!.meta as never, [file!.key as string, file!.slot as string, 'meta']],
          [file!.body as never, [file!.key as string, file!.slot as string, 'body']],
        ];
        for (const [part, where] of sealed) {
          const data = part.data instanceof Blob ? await part.data.arrayBuffer() : part.data;
          for (const additionalData of [undefined, new TextEncoder().encode(where.join('\u0000'))]) {
            const params = additionalData ? { name: 'AES-GCM', iv: part.iv, additionalData } : { name: 'AES-GCM', iv: part.iv };
            const error = await rejection(crypto.subtle.decrypt(params, seal, data));
            expect((error as DOMException).name).to.equal('OperationError');
          }
        }

        // The copy is whole: with the user's secret (only the backend has it) it opens.
        const withSecret = await DraftStore.open({ dbName: copy, now: () => now });
        await withSecret.unlock(SECRET);
        const draft = await withSecret.load<{ idNumber: string }>(key);
        withSecret.close();
        expect(draft!.values.idNumber).to.equal(ID);
        expect(Array.from(new Uint8Array(await draft!.files.idCopy!.blob.arrayBuffer()))).to.deep.equal(Array.from(IMAGE));
      } finally {
        await clearAllDrafts({ dbName: copy });
      }
    });

    it("user B on the same browser can neither find nor open user A's draft", async () => {
      const A = { id: ID, secret: SECRET };
      const B = { id: '2345678904', secret: newSecret() };
      const keyOf = (id: string) => draftKey({ portal: '/api', user: id, form: 'booking' });
      const a = await open(undefined, A.secret);
      await saveSensitiveDraft(a);
      const recordA = await a.recordKey(keyOf(A.id));
      a.close();

      const b = await open(undefined, B.secret);
      expect(await b.load(keyOf(A.id)), "A's draft by its name, with B's secret").to.equal(null);
      expect(await b.recordKey(keyOf(A.id)), 'B cannot even compute where it is').to.not.equal(recordA);
      await b.saveValues(keyOf(B.id), { mine: 'B' });
      await b.delete(keyOf(A.id)); // deletes where B's keys point: not A's draft
      expect((await b.load<{ mine: string }>(keyOf(B.id)))!.values.mine).to.equal('B');
      b.close();
      expect(await counts()).to.deep.equal({ drafts: 2, files: 1 });

      const again = await open(undefined, A.secret);
      const draft = await again.load<{ idNumber: string }>(keyOf(A.id));
      expect(await again.load(keyOf(B.id)), "and A cannot open B's").to.equal(null);
      again.close();
      expect(draft!.values.idNumber, "A's draft is untouched").to.equal(ID);
    });

    it('two tabs starting the same draft at once agree on one data key: nothing either wrote is lost', async () => {
      const [one, two] = [await open(), await open()];
      // A third connection holds the drafts busy, so both tabs look for the draft's key before
      // either has written it: each makes its own, and the second to write must take the first's.
      const holder = await openDB(dbName);
      const busy = holder.transaction('drafts', 'readwrite');
      let holding = true;
      const spin = (): Promise<void> => (holding ? busy.store.get('none').then(spin) : Promise.resolve());
      const spinning = spin();
      const writes = [
        one.saveFile(key, 'idCopy', { blob: new Blob([IMAGE]), name: 'a.png', type: 'image/png' }),
        two.saveValues(key, { from: 'two' }),
        one.saveFile(key, 'subjectLetter', file('letter')),
      ];
      await new Promise((r) => setTimeout(r, 300));
      holding = false;
      await spinning;
      await busy.done;
      holder.close();
      await Promise.all(writes);
      await two.saveFile(key, 'companion:1', file('companion'));
      one.close();
      two.close();
      const fresh = await open();
      const draft = await fresh.load<{ from: string }>(key);
      fresh.close();
      expect(draft, 'the draft opens').to.not.equal(null);
      expect(draft!.values.from).to.equal('two');
      expect(Object.keys(draft!.files).sort()).to.deep.equal(['companion:1', 'idCopy', 'subjectLetter']);
      expect(await draft!.files.subjectLetter!.blob.text()).to.equal('letter');
    });

    it('a rotated secret opens nothing the old one sealed', async () => {
      (await saveSensitiveDraft()).close();
      const rotated = await open(undefined, newSecret());
      expect(await rotated.load(key)).to.equal(null);
      await rotated.saveValues(key, { fresh: true });
      expect((await rotated.load(key))!.values).to.deep.equal({ fresh: true });
      rotated.close();
      now = T0 + DEFAULT_TTL_MS + 2 * HOUR;
      const later = await open(undefined, newSecret());
      expect(await later.purgeExpired(), 'the old draft goes with its life').to.equal(2);
      later.close();
    });

    it('the record key and the lock name come from the HMAC under the secret, not from the ID number', async () => {
      const one = await open();
      const two = await open();
      const other = await open(undefined, newSecret());
      const record = await one.recordKey(key);
      expect(record).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(record).to.not.contain(ID);
      expect(await two.recordKey(key), 'the same in every tab of the user: one lock').to.equal(record);
      expect(await other.recordKey(key), 'another secret, another name').to.not.equal(record);
      for (const store of [one, two, other]) store.close();
    });

    it('lock() forgets the keys: the sealed draft stays, and opens again once unlocked', async () => {
      const store = await saveSensitiveDraft();
      store.lock();
      expect(store.keepsFiles).to.equal(false);
      for (const op of [() => store.load(key), () => store.saveValues(key, { v: 2 }), () => store.saveFile(key, 'x', null), () => store.recordKey(key)]) {
        const error = await rejection(op());
        expect((error as DraftStoreError).reason).to.equal('locked');
      }
      expect(await counts()).to.deep.equal({ drafts: 1, files: 1 });
      await store.unlock(SECRET);
      const draft = await store.load<{ idNumber: string }>(key);
      store.close();
      expect(draft!.values.idNumber).to.equal(ID);
      expect(Object.keys(draft!.files)).to.deep.equal(['idCopy']);
    });

    it('an altered record is dropped, not misread: sealed parts are bound to their record and slot', async () => {
      const store = await open();
      await store.saveValues(key, { v: 1 });
      await store.saveFile(key, 'a', { blob: new Blob(['first']), name: 'a.pdf', type: 'application/pdf' });
      await store.saveFile(key, 'b', { blob: new Blob(['second']), name: 'b.pdf', type: 'application/pdf' });
      expect(Object.keys((await store.load(key))!.files).sort()).to.deep.equal(['a', 'b']);
      // Swap the two bodies on disk: the same data key, but each body names its own slot.
      const db = await openDB(dbName);
      const [x, y] = (await db.getAll('files')) as Raw[];
      await db.put('files', { ...x, body: y!.body });
      await db.put('files', { ...y, body: x!.body });
      db.close();
      expect(await store.load(key)).to.equal(null);
      store.close();
      expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
    });

    it('rejects a malformed secret, and drafts go on with a good one', async () => {
      const store = await DraftStore.open({ dbName, now: () => now });
      for (const bad of ['', 'short', newSecret(31), `${newSecret()}+/`]) {
        const error = await rejection(store.unlock(bad));
        expect((error as DraftStoreError).reason, bad).to.equal('error');
        expect((error as DraftStoreError).cause).to.be.instanceOf(TypeError);
      }
      await store.unlock(SECRET);
      await store.saveValues(key, { v: 1 });
      expect((await store.load(key))!.values).to.deep.equal({ v: 1 });
      store.close();
    });

    it('drops drafts earlier versions kept: in the clear (v1), or under a key in the same database (v2)', async () => {
      const old = await openDB(dbName, 2, {
        upgrade(db) {
          db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
          db.createObjectStore('files', { keyPath: ['key', 'slot'] }).createIndex('draft', 'key');
          db.createObjectStore('keys', { keyPath: 'id' });
        },
      });
      await old.put('drafts', { key, values: { idNumber: ID }, savedAt: T0, expiresAt: T0 + DAY });
      await old.put('keys', { id: 'drafts', seal: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) });
      old.close();
      const store = await open();
      expect(await store.load(key)).to.equal(null);
      store.close();
      expect(await counts()).to.deep.equal({ drafts: 0, files: 0 });
      const db = await openDB(dbName);
      expect([...db.objectStoreNames].sort()).to.deep.equal(['device', 'drafts', 'files', 'signins']);
      db.close();
      await expectNowhere([['the ID number', new TextEncoder().encode(ID)]]);
    });
  });

  describe('without a backend secret: typed values only, for 24 hours', () => {
    it('keeps values sealed, writes no file, and says it keeps none', async () => {
      const store = await open(undefined, null);
      expect(store.keepsFiles).to.equal(false);
      await store.saveValues(key, { idNumber: '1085427373' });
      await store.saveFile(key, 'idCopy', file('a'));
      expect(await counts()).to.deep.equal({ drafts: 1, files: 0 });
      const draft = await store.load(key);
      store.close();
      expect(draft!.values).to.deep.equal({ idNumber: '1085427373' });
      expect(draft!.files).to.deep.equal({});
      const db = await openDB(dbName);
      const [record] = (await db.getAll('drafts')) as Array<Record<string, unknown>>;
      db.close();
      expect(record).to.not.have.property('wrapped');
      expect(JSON.stringify(record)).to.not.contain('1085427373');
    });

    const life: Array<[string, number, number | undefined, boolean]> = [
      ['23 hours later', 23 * HOUR, undefined, true],
      ['exactly 24 hours later', 24 * HOUR, undefined, true],
      ['25 hours later', 25 * HOUR, undefined, false],
      ['2 hours later, a 1-hour life asked for', 2 * HOUR, HOUR, false],
    ];
    for (const [name, later, ttl, kept] of life) {
      it(`${kept ? 'keeps' : 'deletes'} a values-only draft ${name}`, async () => {
        const store = await open(ttl, null);
        await store.saveValues(key, { v: 1 });
        now = T0 + later;
        const draft = await store.load(key);
        store.close();
        if (kept) expect(draft!.expiresAt).to.equal(T0 + VALUES_ONLY_TTL_MS);
        else expect(draft).to.equal(null);
        expect(await counts()).to.deep.equal({ drafts: kept ? 1 : 0, files: 0 });
      });
    }

    it('a values-only draft and a sealed one of the same form do not see each other', async () => {
      const plain = await open(undefined, null);
      await plain.saveValues(key, { mode: 'values-only' });
      plain.close();
      const sealed = await open();
      expect(await sealed.load(key)).to.equal(null);
      await sealed.saveValues(key, { mode: 'sealed' });
      sealed.close();
      const again = await open(undefined, null);
      expect((await again.load<{ mode: string }>(key))!.values.mode).to.equal('values-only');
      again.close();
    });
  });

  describe('sign-out', () => {
    const keyOf = (portal: string, user: string, form = 'booking') => draftKey({ portal, user, form });

    it('a sign-out seen on a portal deletes the drafts noted as signed in there, and only those', async () => {
      const a = await open();
      await a.saveValues(keyOf('/api', '1085427373'), { v: 'booking' });
      await a.saveFile(keyOf('/api', '1085427373'), 'idCopy', file('id'));
      await a.saveValues(keyOf('/api', '1085427373/00067', 'reply'), { v: 'reply' });
      await a.noteSignedIn('/api', keyOf('/api', '1085427373'), T0 + 8 * HOUR);
      await a.noteSignedIn('/api', keyOf('/api', '1085427373/00067', 'reply'), T0 + 8 * HOUR);
      await a.noteSignedIn('/api', keyOf('/api', '1085427373'), T0 + 8 * HOUR); // noted once
      await a.saveValues(keyOf('/other-api', '1085427373'), { v: 'other portal' });
      await a.noteSignedIn('/other-api', keyOf('/other-api', '1085427373'));
      await a.saveValues(keyOf('/api', '2345678904'), { v: 'never noted' });
      now = T0 + HOUR;
      expect(await a.clearSignedOut('/api')).to.equal(2);
      expect(await a.load(keyOf('/api', '1085427373'))).to.equal(null);
      expect(await a.load(keyOf('/api', '1085427373/00067', 'reply'))).to.equal(null);
      expect((await a.load<{ v: string }>(keyOf('/other-api', '1085427373')))!.values.v).to.equal('other portal');
      expect((await a.load<{ v: string }>(keyOf('/api', '2345678904')))!.values.v).to.equal('never noted');
      expect(await a.clearSignedOut('/api'), 'once').to.equal(0);
      a.close();
      expect(await counts()).to.deep.equal({ drafts: 2, files: 0 });
    });

    it('a session reported absent after its end expired: the sealed draft stays for the next sign-in', async () => {
      const store = await open();
      await store.saveValues(key, { v: 1 });
      await store.noteSignedIn('/api', key, T0 + 2 * HOUR);
      now = T0 + 3 * HOUR;
      expect(await store.clearSignedOut('/api')).to.equal(0);
      expect((await store.load(key))!.values).to.deep.equal({ v: 1 });
      // Signed in again, then signed out before the new session ends: gone.
      await store.noteSignedIn('/api', key, T0 + 10 * HOUR);
      expect(await store.clearSignedOut('/api')).to.equal(1);
      expect(await store.load(key)).to.equal(null);
      store.close();
    });

    it('forgets a noted sign-in once every draft it could name has expired', async () => {
      const store = await open();
      await store.noteSignedIn('/api', key, T0 + HOUR);
      await store.noteSignedIn('/other-api', key);
      now = T0 + HOUR + DEFAULT_TTL_MS;
      await store.purgeExpired();
      const names = async () => {
        const db = await openDB(dbName);
        const portals = ((await db.getAll('signins')) as Array<{ portal: string }>).map((r) => r.portal).sort();
        db.close();
        return portals;
      };
      expect(await names(), 'a draft saved at the end of the session may still live').to.deep.equal(['/api', '/other-api']);
      now = T0 + 3 * HOUR + DEFAULT_TTL_MS;
      await store.purgeExpired();
      store.close();
      expect(await names(), 'a sign-in without a known end is kept').to.deep.equal(['/other-api']);
    });
  });

  table<unknown, number | null>('parseDraftSecret: bytes of a base64url secret of at least 32 bytes, or null', (secret) => parseDraftSecret(secret)?.length ?? null, [
    ['A'.repeat(43), 32],
    [`${'A'.repeat(43)}=`, 32],
    ['_-'.repeat(32), 48],
    ['A'.repeat(42), null], // 31 bytes
    ['A'.repeat(41), null], // not base64
    ['', null],
    [`${'A'.repeat(42)}+`, null],
    [`${'A'.repeat(42)}/`, null],
    [`${'A'.repeat(43)} `, null],
    [43, null],
    [null, null],
  ]);

  table('paddedSize: the bucket a sealed part is padded to', paddedSize, [
    [0, 512],
    [512, 512],
    [513, 1024],
    [40_000, 65_536],
    [65_536, 65_536],
    [65_537, 67_584],
    [3 * 2 ** 20, 3 * 2 ** 20],
    [3 * 2 ** 20 + 1, 3 * 2 ** 20 + 65_536],
    [5 * 2 ** 20 + 1, 5 * 2 ** 20 + 131_072],
  ]);
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
            // Reading still works and the device key fits (it is made once); drafts do not.
            if (args[1] !== 'readwrite' || [args[0]].flat().includes('device')) return tx;
            Object.defineProperty(tx, 'error', { get: () => quota });
            queueMicrotask(() => tx.abort());
            return tx;
          }) as IDBDatabase['transaction'];
        });
        return request;
      },
    } as unknown as IDBFactory;
    const store = await DraftStore.open({ dbName, indexedDB: fullDisk });
    await store.unlock(SECRET);
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
    await store.unlock(SECRET);
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
