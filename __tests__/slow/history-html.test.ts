/**
 * The HTML history report in a real headless Chromium (Debian's `chromium`, driven by
 * `puppeteer-core`, which downloads no browser; `.ci/run` installs it when absent): the page loads
 * with no console error and no request but its own file, and its two charts show the numbers the
 * JSON report gives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { HistoryReport } from '../../src/history/report.js';
import { runCli } from '../helpers/cli-run.js';
import { removeTempRepos } from '../helpers/git-repo.js';
import { createHistoryRepo } from '../helpers/history-repo.js';

/** Debian's chromium; CHROMIUM_PATH names another Chromium-based browser (GitHub's runners have Chrome). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let profile: string;
let report: HistoryReport;
let page: string;

beforeAll(async () => {
  const { repo } = createHistoryRepo({ pulls: 24 });
  const out = mkdtempSync(join(tmpdir(), 'merge-gate-html-'));
  page = join(out, 'history.html');
  const html = await runCli(['history', '--repo', repo.dir, '--format', 'html', '--output', page]);
  expect(html.code).toBe(0);
  report = JSON.parse(
    (await runCli(['history', '--repo', repo.dir, '--format', 'json'])).stdout,
  ) as HistoryReport;
  profile = mkdtempSync(join(tmpdir(), 'merge-gate-chromium-'));
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  removeTempRepos();
});

describe('the HTML history report in headless Chromium', () => {
  it('loads with no console error, no page error and no request beyond its own file', async () => {
    const tab = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
    });
    tab.on('pageerror', (error) => problems.push(String(error)));
    tab.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(page).href;
    const response = await tab.goto(url, { waitUntil: 'load' });
    expect(response?.ok()).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await tab.title()).toBe(
      `Merge Gate history: 24 merged pull requests of ${report.summary.repository} (main, local git), merged 2026-01-05 to 2026-01-28`,
    );
    await tab.close();
  });

  it('draws one failure-rate bar per check, labelled with the JSON numbers, as wide as the rate', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    const bars = await tab.$$eval('#failure-rate g.bar', (groups) =>
      groups.map((g) => {
        const [track, fill] = [...g.querySelectorAll('rect')].map((r) => r.getBoundingClientRect().width);
        return {
          context: g.querySelector('text.label')?.textContent,
          value: g.querySelector('text.value')?.textContent,
          ratio: (fill ?? 0) / (track ?? 1),
        };
      }),
    );
    expect(bars.map((b) => b.context)).toEqual(report.summary.checks.map((c) => c.context));
    for (const [i, check] of report.summary.checks.entries()) {
      const bar = bars[i]!;
      expect(bar.value).toBe(`${check.failed}/${check.evaluated} (${(check.failureRate * 100).toFixed(1)}%)`);
      expect(bar.ratio).toBeCloseTo(check.failureRate, 2);
    }
    expect(report.summary.checks.some((c) => c.failed > 0)).toBe(true);
    await tab.close();
  });

  it('draws one column per week whose counts and heights are the JSON verdicts per week', async () => {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    const weeks = await tab.$$eval('#verdicts-per-week g.week', (groups) =>
      groups.map((g) => {
        const count = (state: string) =>
          Number(g.querySelector(`text.count[data-state="${state}"]`)?.textContent);
        const height = (state: string) =>
          g.querySelector(`rect[data-state="${state}"]`)?.getBoundingClientRect().height ?? 0;
        return {
          week: g.getAttribute('data-week'),
          counts: [count('success'), count('failure'), count('error')],
          heights: [height('success'), height('failure'), height('error')],
        };
      }),
    );
    expect(weeks.map((w) => w.week)).toEqual(report.summary.weeks.map((w) => w.week));
    const tallest = Math.max(...report.summary.weeks.map((w) => w.success + w.failure + w.error));
    const unit = Math.max(...weeks.map((w) => w.heights.reduce((a, b) => a + b, 0))) / tallest;
    for (const [i, week] of report.summary.weeks.entries()) {
      expect(weeks[i]!.counts).toEqual([week.success, week.failure, week.error]);
      weeks[i]!.heights.forEach((h, s) =>
        expect(Math.abs(h - [week.success, week.failure, week.error][s]! * unit)).toBeLessThan(1.5),
      );
    }
    await tab.close();
  });
});
