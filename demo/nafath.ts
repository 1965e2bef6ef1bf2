/**
 * The mock Nafath page (النفاذ الوطني الموحد): the elements' `login-url` leads here with
 * `?return=<address>`. It shows the demo user and a number to choose in the app, as Nafath
 * does; "Approve" records the sign-in for the gallery (sessionStorage) and goes back to
 * `return`, only when that address is on this site (never an open redirect; the rule and its
 * table of tricks: return-address.ts).
 */
import { DEFAULT_USER } from './mocks/db.js';
import { SIGNED_IN_KEY } from './settings.js';
import { nafathReturn } from './return-address.js';

const target = nafathReturn(new URL(location.href).searchParams.get('return'), location.href);
/** Without a usable return address, the gallery in this folder. */
const destination = target?.href ?? new URL('./', location.href).href;

// The page reads in the language the citizen came from; both languages are always shown.
if (target?.searchParams.get('lang') === 'en') {
  document.documentElement.lang = 'en';
  document.documentElement.dir = 'ltr';
}

document.querySelector('#user-name')!.textContent = DEFAULT_USER.name;
document.querySelector('#user-id')!.textContent = DEFAULT_USER.idNumber;
// Nafath shows a two-digit number the citizen picks in the app.
const [random = 0] = crypto.getRandomValues(new Uint8Array(1));
document.querySelector('#number')!.textContent = String(10 + (random % 90));
document.querySelector<HTMLElement>('#no-return')!.hidden = Boolean(target);
document.querySelector<HTMLAnchorElement>('#cancel')!.href = destination;

document.querySelector('#approve')!.addEventListener('click', () => {
  sessionStorage.setItem(SIGNED_IN_KEY, '1');
  location.replace(destination);
});
