/**
 * What `<emirate-inbox>` needs only once a request is opened: its rows, the printable summary,
 * and the reply and rating forms (with the file field). Loaded with the first request opened,
 * beside its fetch, so the list (the inbox's first screen) carries none of it.
 */
import './reply-form.js';
import './rating-form.js';
export { requestRows } from '../../ui/request-details.js';
export { summaryDocument } from '../../ui/summary.js';
export { printAlone } from '../../ui/print.js';
