import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core in the browser tests: its source is evaluated in the page (through the DevTools
 * protocol, so the app's Content-Security-Policy, which forbids inline scripts, does not
 * block it), then `axe.run` audits the document as it is rendered.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The impacts we fail on; "minor" and "moderate" findings are reported by axe but tolerated. */
const BLOCKING = new Set(['serious', 'critical']);

export async function auditPage(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: RunOptions): Promise<AxeResults> };
    };
    // Audit against WCAG 2.x A/AA plus axe's best practices (landmarks, heading order…).
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (results as AxeResults).violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

/** One line per offending element: rule id, impact, CSS target and axe's own explanation. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `[${v.impact}] ${v.id} at ${node.target.join(' ')}: ${v.help}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

/** Fails with a readable listing when the page has a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await auditPage(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} serious/critical violation(s) on ${where} (${page.url()}):\n${describeViolations(violations)}`,
    );
  }
}
