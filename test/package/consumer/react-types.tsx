/**
 * React 19 JSX with the package's typings for the tags (type-checked only, never built).
 * Each @ts-expect-error line must stay an error.
 */
import type {} from '@emirate/appointments/react';
import type { RequestSubmittedDetail } from '@emirate/appointments';

export function Appointment({ onSent }: { onSent: (detail: RequestSubmittedDetail) => void }) {
  return (
    <>
      <emirate-appointments base="/appointment/" api-base="/api" login-url="/login" className="portal-widget">
        <img slot="header" src="/logo.svg" alt="" />
      </emirate-appointments>
      <emirate-booking-form api-base="/api" no-drafts requests-url="/requests" onemirate-request-submitted={(event) => onSent(event.detail)} />
      <emirate-inquiry-box lang="en" apiBase="/api" onemirate-inquiry-result={(event) => console.info(event.detail.outcome)} />
      <emirate-inbox page-size={10} pollInterval={60} onemirate-unread-changed={(event) => console.info(event.detail.count.toFixed())} />
      <emirate-companion-list name="companions" max={3} onemirate-companions-change={(event) => console.info(event.detail.count, event.detail.valid)} />
      <emirate-service-card start-url="/appointment/book" onemirate-service-start={(event) => event.preventDefault()} />
      {/* @ts-expect-error a property the element does not have (any hyphenated name passes, as in HTML) */}
      <emirate-inbox pageSise={10} />
      {/* @ts-expect-error `max` is a number */}
      <emirate-companion-list max="three" />
      {/* @ts-expect-error the inquiry's detail has no request number */}
      <emirate-inquiry-box onemirate-inquiry-result={(event) => console.info(event.detail.requestNumber)} />
    </>
  );
}
