// Summary of a `npm run test:mongo` run, from vitest's JSON report: the pass counts of the
// MongoDB adapter's store suites and of the whole server suite, the tests skipped on the
// stand-in with the MongoDB feature each needs, any other skip, and the failures.
// Exits 1 when a test failed, a file did not load, or no MongoDB adapter test ran at all (a run
// that quietly fell back to SQLite must not pass; `--partial`, a run of chosen files, may).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const partial = process.argv.includes('--partial');
const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server');

const tests = report.testResults.flatMap((file) =>
  file.assertionResults.map((t) => ({ ...t, file: path.relative(serverRoot, file.name) })),
);
const skipped = (t) => t.status === 'skipped' || t.status === 'pending' || t.status === 'todo';
const counts = (list) => {
  const passed = list.filter((t) => t.status === 'passed').length;
  const failed = list.filter((t) => t.status === 'failed').length;
  const skips = list.filter(skipped).length;
  return { passed, failed, skips, line: `${passed} passed, ${failed} failed, ${skips} skipped` };
};

// The MongoDB adapter's own tests: the store suites' MongoStore/MongoDB blocks (the contract
// suites of every repository, the adapter-specific and index tests, store:copy to MongoDB).
const adapterTests = tests.filter(
  (t) => /(^|\/)store\//.test(t.file) && /MongoStore|MongoDB/.test(t.ancestorTitles.join(' ')),
);
const adapter = counts(adapterTests);
const all = counts(tests);
const brokenFiles = report.testResults.filter(
  (f) => f.status === 'failed' && f.assertionResults.every((t) => t.status !== 'failed'),
);

console.log('');
console.log(`MongoDB adapter (store suites): ${adapter.line}`);
console.log(`server suite with MONGODB_URI:  ${all.line} (${report.testResults.length} files)`);

// Tests of a file that failed to load show as skipped too: they are reported as that failure.
const broken = new Set(brokenFiles.map((f) => path.relative(serverRoot, f.name)));
const standinSkips = tests.filter((t) => skipped(t) && t.meta?.needsMongoFeature);
const otherSkips = tests.filter(
  (t) => skipped(t) && !t.meta?.needsMongoFeature && !broken.has(t.file),
);
console.log(`skipped on the stand-in: ${standinSkips.length} test(s)`);
for (const t of standinSkips) {
  console.log(
    `  skipped on the stand-in: ${t.fullName} — needs ${t.meta.needsMongoFeature} (${t.file})`,
  );
}
if (otherSkips.length > 0) {
  console.log('skipped for another reason (see the test):');
  for (const t of otherSkips) console.log(`  ${t.fullName} (${t.file})`);
}

const failures = tests.filter((t) => t.status === 'failed');
for (const t of failures) console.log(`FAILED: ${t.fullName} (${t.file})`);
for (const f of brokenFiles) {
  console.log(`FAILED to run: ${path.relative(serverRoot, f.name)}: ${f.message.split('\n')[0]}`);
}
const noAdapterTests = adapter.passed === 0 && !partial;
if (noAdapterTests) console.log('FAILED: no MongoDB adapter test ran');

const ok = failures.length === 0 && brokenFiles.length === 0 && !noAdapterTests;
process.exit(ok ? 0 : 1);
