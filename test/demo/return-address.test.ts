/**
 * The mock Nafath page never redirects off the site (issue #10): its return-address rule as a
 * table of tricks, and the page itself refusing some of them.
 */
import { expect } from '@open-wc/testing';
import { nafathReturn } from '../../demo/return-address.js';
import { table } from '../domain/table.js';
import { until } from '../support/dom.js';

const HERE = 'https://demo.example/previews/nafath.html';
const where = (raw: string | null) => nafathReturn(raw, HERE)?.href ?? null;

table('nafathReturn: an address on this site comes back (shell paths as the gallery loads them)', where, [
  ['https://demo.example/previews/?view=booking&lang=en', 'https://demo.example/previews/?view=booking&lang=en'],
  ['https://demo.example/previews/shell/book?lang=en', 'https://demo.example/previews/?lang=en&view=shell&route=book'],
  ['https://demo.example/previews/shell/requests/00067', 'https://demo.example/previews/?view=shell&route=requests%2F00067'],
  ['/previews/?view=inbox', 'https://demo.example/previews/?view=inbox'],
  ['./?view=card', 'https://demo.example/previews/?view=card'],
  ['?view=card', 'https://demo.example/previews/nafath.html?view=card'],
  ['https://demo.example/previews/?view=booking#top', 'https://demo.example/previews/?view=booking#top'],
  // The query may hold anything: it cannot change where the page goes.
  ['/previews/?next=//evil.example', 'https://demo.example/previews/?next=//evil.example'],
  // A scheme without slashes on the page's own scheme is a path on this site, as browsers read it.
  ['https:evil.example', 'https://demo.example/previews/evil.example'],
]);

table('nafathReturn: every off-site or unsafe return is refused', where, [
  [null, null],
  ['', null],
  // Other hosts, however spelled.
  ['//evil.example', null],
  ['//evil.example/previews/', null],
  ['///evil.example', null],
  ['/\\evil.example', null],
  ['\\/\\/evil.example', null],
  ['\\\\evil.example', null],
  ['/.//evil.example', null],
  ['/./\\evil.example', null],
  ['/.//evil.example/shell/book', null],
  ['/%2E//evil.example/shell/book', null],
  ['/previews/..//evil.example', null],
  ['/%2F%2Fevil.example', null],
  ['/%2f%2fevil.example/shell/book', null],
  ['/%252F%252Fevil.example', null],
  ['/%5Cevil.example', null],
  ['/%5C%5Cevil.example', null],
  ['/previews//shell/book', null],
  ['https://evil.example', null],
  ['https://evil.example/previews/shell/book', null],
  ['HTTPS://EVIL.EXAMPLE/', null],
  ['https://demo.example.evil.example/', null],
  ['https://demo.example@evil.example/', null],
  ['https://user:secret@demo.example/previews/', null],
  ['http://demo.example/previews/', null],
  ['https://demo.example:8443/previews/', null],
  ['http:evil.example', null],
  // Whitespace and control characters (which the URL parser would drop).
  [' //evil.example', null],
  ['\t//evil.example', null],
  ['/\t/evil.example', null],
  ['\u0000//evil.example', null],
  ['/previews/%0d%0aSet-Cookie:%20x=1', null],
  // Not a web address at all.
  ['javascript:alert(document.domain)', null],
  ['JAVASCRIPT:alert(1)', null],
  ['java\tscript:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['vbscript:msgbox(1)', null],
  ['blob:https://demo.example/0b6c0a44-8d0f-4f0e-9f3a-1c2d3e4f5a6b', null],
  ['file:///etc/passwd', null],
  ['mailto:x@evil.example', null],
  ['/%E0%A4%A', null],
]);

describe('the mock Nafath page', function () {
  this.timeout(15000);

  /** The page opened with `return`: where "Back without signing in" leads, and whether it says the return was refused. */
  async function open(returnTo: string) {
    const frame = document.createElement('iframe');
    frame.src = `/demo/nafath.html?return=${encodeURIComponent(returnTo)}`;
    document.body.append(frame);
    try {
      // The page's script has run once it has set the link (its markup says `./`).
      const link = () => frame.contentDocument?.querySelector<HTMLAnchorElement>('#cancel')?.getAttribute('href');
      await until(() => link() && link() !== './', 'the Nafath page', 10000);
      const doc = frame.contentDocument!;
      return { cancel: doc.querySelector<HTMLAnchorElement>('#cancel')!.href, refused: !doc.querySelector<HTMLElement>('#no-return')!.hidden };
    } finally {
      frame.remove();
    }
  }

  for (const hostile of ['/.//evil.example/shell/book', '//evil.example/', '/%2F%2Fevil.example', 'javascript:alert(1)']) {
    it(`refuses ${JSON.stringify(hostile)}: it says so and stays in the demo`, async () => {
      const page = await open(hostile);
      expect(page.refused).to.equal(true);
      expect(page.cancel).to.equal(new URL('/demo/', location.href).href);
    });
  }

  it('goes back to a shell address on this site, as the gallery loads it', async () => {
    const page = await open(new URL('/demo/shell/book?lang=en', location.href).href);
    expect(page.refused).to.equal(false);
    expect(page.cancel).to.equal(new URL('/demo/?lang=en&view=shell&route=book', location.href).href);
  });
});
