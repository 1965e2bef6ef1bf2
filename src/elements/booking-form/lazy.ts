/**
 * What the booking form loads after its first screen, as module-level singletons so every
 * section reads the same loaded module: the wording of errors and counts (i18n/messages.ts)
 * and the review's rows (ui/request-details.ts). Nothing on the first screen needs them until a
 * field is left or a load fails; the form re-renders once they are here.
 */
let words: typeof import('../../i18n/messages.js') | undefined;
let details: typeof import('../../ui/request-details.js') | undefined;
let sections: typeof import('./sections/rest.js') | undefined;

export const loadWords = async () => (words ??= await import('../../i18n/messages.js'));
export const loadDetails = async () => (details ??= await import('../../ui/request-details.js'));

export const loadSections = async () => (sections ??= await import('./sections/rest.js'));
/** The sections below the first screen and the review, once loaded (see {@link loadSections}). */
export const loadedSections = () => sections;

/** The wording, once loaded (see {@link loadWords}). */
export const loadedWords = () => words;
/** The review's rows, once loaded (see {@link loadDetails}). */
export const loadedDetails = () => details;

/**
 * The fields below the first screen that are elements of their own (attachments, companions),
 * with the wording and the review's rows: loaded while the first screen paints.
 */
export const loadRest = () => Promise.all([import('../companion-list/companion-list.js'), loadWords(), loadDetails(), loadSections()]);

/** The confirmation and summary, loaded once the citizen reaches the review (not on the booking path). */
export const loadRequestSent = () => import('../../ui/request-sent.js');
