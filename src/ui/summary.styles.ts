import { css } from 'lit';

/** The request summary's look (see summary.ts), apart so a view can style it before its code loads. */
export const summaryStyles = css`
  .summary-doc .reference {
    font-weight: 700;
  }
  @media print {
    :host {
      color: #000;
    }
    .summary-doc h2 {
      color: #000;
    }
    .summary-doc dl.review > div > * {
      break-inside: avoid;
    }
  }
`;
