/**
 * A reporter that lists every failed test again when the run ends, one line per test, with its
 * engine, file and first line of error. The default reporter prints a failure when its file
 * finishes, hundreds of lines before the end, so a log kept only by its tail (as CI's is) would
 * say "2 failed tests" without naming them.
 */
export function failureSummary() {
  return {
    stop({ sessions }) {
      const lines = [];
      for (const session of sessions) {
        const where = `${session.browser.name}: ${session.testFile.replace(`${process.cwd()}/`, '')}`;
        for (const error of session.errors ?? []) lines.push(`${where}: ${firstLine(error)}`);
        if (session.testResults) collect(session.testResults, [], (name, error) => lines.push(`${where} > ${name}: ${firstLine(error)}`));
      }
      if (lines.length === 0) return;
      // console, not process.stdout: the runner's terminal keeps raw writes from reaching the log.
      console.log(`\nFailed (${lines.length}):\n${lines.map((line) => `  ✗ ${line}`).join('\n')}`);
    },
  };
}

function collect(suite, path, report) {
  const here = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests) {
    if (!test.passed && !test.skipped) report([...here, test.name].join(' > '), test.error);
  }
  for (const child of suite.suites) collect(child, here, report);
}

function firstLine(error) {
  return String(error?.message ?? error ?? 'no error given').split('\n')[0].slice(0, 300);
}
