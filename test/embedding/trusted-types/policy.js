// Classic script, after record.js: the page's default Trusted Types policy. The test's own mock
// backend (msw) registers its service worker with a plain string URL, which enforcement refuses;
// this policy lets that one URL through and refuses (and records) any other string that reaches
// a script or HTML sink, so a sink the widget used without Lit's "lit-html" policy is seen.
(function () {
  var log = window.embeddingLog;
  if (!window.trustedTypes) return;
  var refuse = function (kind) {
    return function (value) {
      log.violations.push({ directive: 'trusted-types default policy', blocked: kind, sample: String(value).slice(0, 80) });
      return null;
    };
  };
  window.trustedTypes.createPolicy('default', {
    createScriptURL: function (url) {
      return new URL(url, location.href).pathname === '/mockServiceWorker.js' ? url : refuse('script URL')(url);
    },
    createHTML: refuse('HTML'),
    createScript: refuse('script'),
  });
})();
