// Classic script, first in the embedding test pages' <head>: records what a host page would see
// go wrong (errors, unhandled rejections, Content-Security-Policy violations) from the very
// start, before any module runs, on `window.embeddingLog` for the test to read.
(function () {
  var log = (window.embeddingLog = { errors: [], violations: [], reports: [], ready: false });
  window.addEventListener('error', function (event) {
    var error = event.error;
    log.errors.push([event.message, error && error.stack ? error.stack : String(error), event.filename + ':' + event.lineno].join(' | '));
  });
  window.addEventListener('unhandledrejection', function (event) {
    log.errors.push('unhandled rejection: ' + String(event.reason && event.reason.message ? event.reason.message : event.reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    log.violations.push({ directive: event.effectiveDirective, blocked: String(event.blockedURI), sample: String(event.sample || '') });
  });
  // The same violations as the browser's reports (the Reporting API), which arrive a little later.
  if (window.ReportingObserver) {
    new ReportingObserver(
      function (reports) {
        reports.forEach(function (report) {
          log.reports.push({ directive: report.body.effectiveDirective, blocked: String(report.body.blockedURL), sample: String(report.body.sample || '') });
        });
      },
      { types: ['csp-violation'], buffered: true },
    ).observe();
  }
})();
