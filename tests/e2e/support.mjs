// Helpers for the browser tests: start the real server, drive Debian's Chromium with
// playwright-core, log in, check pages with axe-core and walk the navigation.
//
// Environment:
//   BROBYGGER_BIN      server binary (default: build/src/app/brobygger in the repository)
//   BROBYGGER_E2E_URL  use an already running server instead of starting one (debugging)
//   CHROMIUM_PATH      browser executable (default: /usr/bin/chromium)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The WCAG 2.1 A and AA rule sets we must pass with zero violations. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const STARTUP_TIMEOUT_MS = 20_000;

/**
 * Starts `brobygger serve` on an ephemeral port with a fresh database and the demo data.
 * Resolves to { baseURL, stop(), output() } once the server printed
 * "listening on http://127.0.0.1:PORT". stop() sends SIGTERM and removes the temporary dir.
 */
export async function startServer({ demo = true, extraArgs = [] } = {}) {
  if (process.env.BROBYGGER_E2E_URL) {
    return { baseURL: process.env.BROBYGGER_E2E_URL.replace(/\/$/, ''), stop: async () => {}, output: () => '' };
  }
  const bin = process.env.BROBYGGER_BIN || path.join(repoRoot, 'build', 'src', 'app', 'brobygger');
  const dir = await mkdtemp(path.join(tmpdir(), 'brobygger-e2e-'));
  const args = ['serve', '--db', path.join(dir, 'e2e.db'), '--listen', '127.0.0.1:0', '--data-dir', dir];
  if (demo) args.push('--demo');
  args.push(...extraArgs);

  const child = spawn(bin, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stderr.on('data', append);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const baseURL = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      reject(new Error(`server did not print "listening on" within ${STARTUP_TIMEOUT_MS} ms:\n${log}`));
    }, STARTUP_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${err.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal}):\n${log}`));
    });
    child.stdout.on('data', (chunk) => {
      append(chunk);
      buffered += chunk.toString();
      const match = buffered.match(/listening on (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dir, { recursive: true, force: true });
  }

  return { baseURL, stop, output: () => log };
}

/** Launches Debian's Chromium (never a downloaded browser). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context and page for `baseURL`, Danish locale, with a problem collector
 * attached (see watchPage). The real CSP applies: the tests never bypass it.
 */
export async function newPage(browser, baseURL, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL, locale: 'da-DK', viewport });
  const page = await context.newPage();
  const problems = watchPage(page);
  return { context, page, problems };
}

/**
 * Collects console errors, CSP violations, uncaught page errors and failed requests.
 * Call problems.reset() before each navigation and problems.assertNone(label) after it.
 */
export function watchPage(page) {
  const problems = {
    consoleErrors: [],
    cspViolations: [],
    pageErrors: [],
    failedRequests: [],
    reset() {
      this.consoleErrors.length = 0;
      this.cspViolations.length = 0;
      this.pageErrors.length = 0;
      this.failedRequests.length = 0;
    },
    assertNone(label) {
      const lines = [
        ...this.cspViolations.map((m) => `CSP violation: ${m}`),
        ...this.consoleErrors.map((m) => `console error: ${m}`),
        ...this.pageErrors.map((m) => `page error: ${m}`),
        ...this.failedRequests.map((m) => `failed request: ${m}`),
      ];
      if (lines.length > 0) assert.fail(`${label}: browser reported problems:\n  ${lines.join('\n  ')}`);
    },
  };
  page.on('console', (msg) => {
    const text = msg.text();
    const where = msg.location()?.url ? ` (${msg.location().url})` : '';
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text + where);
    else if (msg.type() === 'error') problems.consoleErrors.push(text + where);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText || 'failed';
    // Requests cancelled because the page navigated on (a redirect after a form post, the
    // favicon of a page left quickly) are not errors; HTTP errors show up as console errors.
    if (failure === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${failure}`);
  });
  return problems;
}

/** Goes to `urlPath` and waits for the page (and its scripts) to load; returns the response. */
export async function visit(page, urlPath) {
  const response = await page.goto(urlPath, { waitUntil: 'load' });
  return response;
}

/** Logs in through the /login form (fields #username and #password). */
export async function login(page, username, password) {
  await page.goto('/login', { waitUntil: 'load' });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.locator('form:has(#password) [type="submit"]').first().click();
  await page.waitForLoadState('load');
}

/** Logs out with the "Log af" button of the header (a POST form with the CSRF token). */
export async function logout(page) {
  await page.locator('.portal-user form[action="/logout"] button[type="submit"]').click();
  await page.waitForLoadState('load');
}

let axeSource;

/**
 * Runs axe-core (WCAG 2.1 A + AA rules) on the current page and fails with a readable list
 * of violations. axe is evaluated through the DevTools protocol, which the page's CSP does
 * not govern, so the test sees the page exactly as users do (no bypassCSP).
 */
export async function checkA11y(page, label = page.url()) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_TAGS,
  );
  const violations = results.violations;
  if (violations.length > 0) {
    assert.fail(`${label}: ${violations.length} accessibility violation(s):\n${formatViolations(violations)}`);
  }
}

/** Human-readable axe violations: rule, impact, help, and each failing element. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const summary = (n.failureSummary || '').replace(/\s*\n\s*/g, ' ');
          return `      - ${n.target.join(' ')}\n        ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n      … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Walks the site from `startPath` by following same-origin links in the header navigation
 * (breadth first, each path once). For each page `onPage({ path, response })` is awaited.
 * Returns the visited paths in order.
 */
export async function visitAll(page, startPath, { onPage, maxPages = 40, linkSelector = 'header nav a[href], main .nav-index a[href]' } = {}) {
  let origin = null;
  const queue = [startPath];
  const seen = new Set([startPath]);
  const visited = [];
  while (queue.length > 0 && visited.length < maxPages) {
    const next = queue.shift();
    const response = await visit(page, next);
    visited.push(next);
    origin ??= new URL(page.url()).origin;
    if (onPage) await onPage({ path: next, response });
    const hrefs = await page.$$eval(linkSelector, (links) => links.map((a) => a.href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      const p = url.pathname + url.search;
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  return visited;
}
