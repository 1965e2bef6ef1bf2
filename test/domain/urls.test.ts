import { checkWebUrl, returnAddress, webUrl } from '../../src/domain/urls.js';
import { table } from './table.js';

const PAGE = 'https://portal.example/appointment/book?lang=en';

table('webUrl: web addresses, absolute or relative to the page, are accepted', (value: string) => webUrl(value, PAGE), [
  ['https://login.example/nafath?from=widget', 'https://login.example/nafath?from=widget'],
  ['http://login.example/', 'http://login.example/'],
  ['HTTPS://Login.Example/Nafath', 'https://login.example/Nafath'],
  ['/nafath/login', 'https://portal.example/nafath/login'],
  ['login', 'https://portal.example/appointment/login'],
  ['../guide.pdf', 'https://portal.example/guide.pdf'],
  ['?step=2', 'https://portal.example/appointment/book?step=2'],
  ['#top', 'https://portal.example/appointment/book?lang=en#top'],
  ['  /nafath/login  ', 'https://portal.example/nafath/login'],
  // Scheme-relative: the page's https, so the same as an absolute https address.
  ['//login.example/nafath', 'https://login.example/nafath'],
  ['/\\login.example/nafath', 'https://login.example/nafath'],
  ['', ''],
]);

table('webUrl: every other scheme is refused', (value: string) => webUrl(value, PAGE), [
  ['javascript:alert(document.domain)', ''],
  ['JaVaScRiPt:alert(1)', ''],
  [' javascript:alert(1)', ''],
  ['\u0000javascript:alert(1)', ''],
  ['java\tscript:alert(1)', ''],
  ['java\nscript:alert(1)', ''],
  ['javascript://login.example/%0Aalert(1)', ''],
  ['vbscript:msgbox(1)', ''],
  ['data:text/html,<script>alert(1)</script>', ''],
  ['data:application/pdf;base64,JVBERi0=', ''],
  ['blob:https://portal.example/0b6c0a44-8d0f-4f0e-9f3a-1c2d3e4f5a6b', ''],
  ['file:///etc/passwd', ''],
  ['ftp://files.example/guide.pdf', ''],
  ['mailto:help@portal.example', ''],
  ['https://portal.example@evil.example/', ''],
  ['https://user:secret@portal.example/', ''],
  ['http://[::1', ''],
]);

table('checkWebUrl says why', (value: string) => {
  const checked = checkWebUrl(value, PAGE);
  return checked.ok ? checked.url.href : checked.reason;
}, [
  ['/ok', 'https://portal.example/ok'],
  ['javascript:alert(1)', 'scheme'],
  ['https://a@portal.example/', 'credentials'],
  ['http://[::1', 'malformed'],
]);

table('returnAddress: on the page’s own origin, or the page itself', (wanted: string) => returnAddress(wanted, PAGE), [
  ['https://portal.example/appointment/book?lang=en', 'https://portal.example/appointment/book?lang=en'],
  ['/appointment/requests/00067', 'https://portal.example/appointment/requests/00067'],
  ['requests', 'https://portal.example/appointment/requests'],
  ['', PAGE],
  ['https://elsewhere.example/appointment/book', PAGE],
  ['http://portal.example/appointment/book', PAGE],
  ['https://portal.example:8443/appointment/book', PAGE],
  ['//evil.example/', PAGE],
  ['/\\evil.example/', PAGE],
  ['javascript:alert(1)', PAGE],
  ['data:text/html,x', PAGE],
  ['https://portal.example@evil.example/', PAGE],
  ['https://user@portal.example/', PAGE],
]);
