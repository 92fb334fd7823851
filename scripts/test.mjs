#!/usr/bin/env node
// `npm test`: build, run Vitest, run Playwright, then sum both runners' JSON reports into one
// closing line, `N passed, N failed` (or `…, N skipped`), which is what CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const vitestReport = join(resultsDir, 'vitest.json');
const playwrightReport = join(resultsDir, 'playwright.json');

/** Runs a command with inherited stdio (output streams live); returns its exit code. */
function run(command, args) {
  console.log(`\n> ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`Could not start ${command}: ${result.error.message}`);
    return 1;
  }
  // A runner killed by a signal has no exit code; that is a failure too.
  return result.status ?? 1;
}

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function summaryLine({ passed, failed, skipped }) {
  return skipped > 0
    ? `${passed} passed, ${failed} failed, ${skipped} skipped`
    : `${passed} passed, ${failed} failed`;
}

/** Counts from Vitest's json reporter, plus notes on anything the counts alone would hide. */
function vitestCounts(exitCode) {
  const report = readJson(vitestReport);
  if (!report) {
    return { passed: 0, failed: 1, skipped: 0, notes: ['vitest wrote no JSON report (crashed?)'] };
  }
  const notes = [];
  // A test file that fails to load has no test results of its own: count the file as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  );
  for (const file of brokenFiles) notes.push(`vitest: ${file.name} failed outside its tests`);
  let failed = (report.numFailedTests ?? 0) + brokenFiles.length;
  if (failed === 0 && (exitCode !== 0 || report.success === false)) {
    notes.push(`vitest exited with code ${exitCode} although no test failed (unhandled error?)`);
    failed = 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes,
  };
}

/** Counts from Playwright's json reporter; "No tests found" is zero tests, not a failure. */
function playwrightCounts(exitCode) {
  const report = readJson(playwrightReport);
  if (!report) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: ['playwright wrote no JSON report (crashed?)'],
    };
  }
  const stats = report.stats ?? {};
  const notes = [];
  const flaky = stats.flaky ?? 0;
  if (flaky > 0) notes.push(`playwright: ${flaky} flaky (passed on retry, counted as passed)`);
  const errors = (report.errors ?? []).map((error) => String(error.message ?? ''));
  const onlyNoTestsFound = errors.length > 0 && errors.every((m) => m.includes('No tests found'));
  const total = (stats.expected ?? 0) + (stats.unexpected ?? 0) + flaky + (stats.skipped ?? 0);
  let failed = stats.unexpected ?? 0;
  if (onlyNoTestsFound && total === 0) {
    notes.push('playwright: no tests found in test/e2e (counted as 0 tests)');
  } else if (failed === 0 && exitCode !== 0) {
    const why = errors[0] ? `: ${errors[0].split('\n')[0]}` : '';
    notes.push(`playwright exited with code ${exitCode} although no test failed${why}`);
    failed = 1;
  }
  return { passed: (stats.expected ?? 0) + flaky, failed, skipped: stats.skipped ?? 0, notes };
}

rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const buildExit = run('npm', ['run', 'build']);
if (buildExit !== 0) {
  console.error(`\nThe build failed (npm run build exited with code ${buildExit}); no tests ran.`);
  console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(buildExit);
}

const vitestExit = run('npx', ['vitest', 'run']);
// Playwright runs even when Vitest failed: one report with both is worth more than a stop.
const playwrightExit = run('npx', ['playwright', 'test']);

const vitest = vitestCounts(vitestExit);
const playwright = playwrightCounts(playwrightExit);
const total = {
  passed: vitest.passed + playwright.passed,
  failed: vitest.failed + playwright.failed,
  skipped: vitest.skipped + playwright.skipped,
};

console.log('');
for (const note of [...vitest.notes, ...playwright.notes]) console.log(note);
console.log(`vitest: ${summaryLine(vitest)}`);
console.log(`playwright: ${summaryLine(playwright)}`);
console.log(summaryLine(total));
process.exitCode = total.failed > 0 ? 1 : 0;
