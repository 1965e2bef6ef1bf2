/**
 * The internal event a view sends on its own element (not bubbling, not composed) when its
 * error summary shows or goes, so the shell can put "Error:" before the page's title (GOV.UK,
 * WCAG 2.4.2). It says only whether a summary shows. Types only: each side writes the name, so
 * the booking path loads nothing for it.
 */
export type ErrorSummaryEvent = 'emirate-error-summary';

export interface ErrorSummaryDetail {
  shown: boolean;
}
