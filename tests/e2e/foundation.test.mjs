// Browser tests of the foundation: layout, login/logout, navigation per role, accessibility
// (axe-core, WCAG 2.1 A/AA) and the Content Security Policy on every page visited.
// Run: node --test tests/e2e/   (needs the server binary, see support.mjs)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { adminExtraPages, demoUsers } from './demo-users.mjs';
import { checkA11y, launchBrowser, login, logout, newPage, startServer, visit, visitAll } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The checks every page must pass: status, title, one h1, Danish, axe, no browser problems. */
async function checkPage(page, problems, label, response) {
  if (response) assert.ok(response.status() < 400, `${label}: HTTP ${response.status()}`);
  const title = await page.title();
  assert.match(title, /\S – Brobygger$/, `${label}: title "${title}" should end with " – Brobygger"`);
  assert.equal(await page.getAttribute('html', 'lang'), 'da', `${label}: <html lang="da">`);
  assert.equal(await page.locator('h1').count(), 1, `${label}: exactly one <h1>`);
  await checkA11y(page, label);
  problems.assertNone(label);
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

describe('anonymous', () => {
  test('front page and /login are accessible and CSP-clean', async () => {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      for (const p of ['/', '/login']) {
        problems.reset();
        const response = await visit(page, p);
        await checkPage(page, problems, p, response);
      }
      assert.equal(await page.locator('a[href="/login"]').first().isVisible(), true, 'a visible "Log ind" link');
    } finally {
      await context.close();
    }
  });

  test('an unknown address shows an accessible Danish 404 page', async () => {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      const response = await visit(page, '/findes-ikke');
      assert.equal(response.status(), 404);
      assert.match(await page.title(), /\S – Brobygger$/);
      assert.equal(await page.locator('h1').count(), 1, 'exactly one <h1>');
      assert.equal(await page.locator('main a[href="/"]').count() >= 1, true, 'a link back to the front page');
      await checkA11y(page, '/findes-ikke (404)');
      // The browser logs the document's own 404 as a console error; nothing else may fail.
      assert.deepEqual(problems.cspViolations, [], 'no CSP violations');
      assert.deepEqual(problems.pageErrors, [], 'no script errors');
      assert.deepEqual(problems.failedRequests, [], 'no failed requests');
      const others = problems.consoleErrors.filter((m) => !m.includes('/findes-ikke'));
      assert.deepEqual(others, [], 'no console errors besides the 404 itself');
    } finally {
      await context.close();
    }
  });

  test('wrong password shows a Danish error and stays on /login', async () => {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      await login(page, 'admin', 'forkert-adgangskode');
      assert.equal(pathOf(page), '/login', 'still on /login');
      const error = page.locator('main .alert-error, main .form-error-message, main [role="alert"]').first();
      await error.waitFor({ state: 'visible', timeout: 5_000 });
      const text = await error.innerText();
      assert.match(text, /forkert|ugyldig|passer ikke|kunne ikke|findes ikke/i, `Danish error message, got: "${text}"`);
      assert.equal(await page.inputValue('#password'), '', 'the password is not shown again');
      await checkA11y(page, '/login with error');
      assert.deepEqual(problems.cspViolations, [], 'no CSP violations');
      assert.deepEqual(problems.pageErrors, [], 'no script errors');
    } finally {
      await context.close();
    }
  });

  test('a protected page sends to /login and back after logging in', async () => {
    const { context, page } = await newPage(browser, server.baseURL);
    const admin = demoUsers.find((u) => u.role === 'admin');
    try {
      await visit(page, '/admin/audit');
      assert.equal(pathOf(page), '/login', `redirected to /login, got ${page.url()}`);
      await page.fill('#username', admin.username);
      await page.fill('#password', admin.password);
      await page.locator('form:has(#password) [type="submit"]').first().click();
      await page.waitForLoadState('load');
      assert.equal(pathOf(page), '/admin/audit', `back on the requested page, got ${page.url()}`);
    } finally {
      await context.close();
    }
  });

  test('the mobile menu opens and closes (DKFDS drawer) and is accessible', async () => {
    const { context, page, problems } = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 800 } });
    try {
      await visit(page, '/');
      const drawer = page.locator('.mobile-drawer');
      assert.equal(await drawer.isVisible(), false, 'drawer closed at first');
      await page.locator('.js-menu-open').click();
      await drawer.waitFor({ state: 'visible' });
      await checkA11y(page, '/ with the mobile menu open');
      await page.locator('.js-menu-close').click();
      await drawer.waitFor({ state: 'hidden' });
      problems.assertNone('/ (mobile)');
    } finally {
      await context.close();
    }
  });

  test('logging in works without JavaScript', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false, locale: 'da-DK' });
    const page = await context.newPage();
    const user = demoUsers.find((u) => u.role === 'consultant');
    try {
      await login(page, user.username, user.password);
      assert.equal(pathOf(page), '/dashboard', `landed on /dashboard, got ${page.url()}`);
      await logout(page);
      assert.equal(pathOf(page), '/', `logged out to the front page, got ${page.url()}`);
    } finally {
      await context.close();
    }
  });
});

describe('each role', () => {
  for (const user of demoUsers) {
    test(`${user.role} (${user.username}): navigation pages are accessible and CSP-clean`, async (t) => {
      const { context, page, problems } = await newPage(browser, server.baseURL);
      try {
        problems.reset();
        await login(page, user.username, user.password);
        assert.equal(pathOf(page), '/dashboard', `landed on /dashboard, got ${page.url()}`);
        assert.equal(await page.locator('.portal-user form[action="/logout"]').count(), 1, 'a "Log af" form in the header');

        problems.reset();
        const visited = await visitAll(page, '/dashboard', {
          onPage: async ({ path, response }) => {
            await t.test(path, async () => {
              await checkPage(page, problems, `${user.username} ${path}`, response);
            });
            problems.reset();
          },
        });
        assert.ok(visited.length >= 1, 'visited the dashboard');

        if (user.role === 'admin') {
          for (const p of adminExtraPages.filter((x) => !visited.includes(x))) {
            problems.reset();
            const response = await visit(page, p);
            await t.test(p, async () => {
              assert.equal(pathOf(page), p, `${p}: not redirected (got ${page.url()})`);
              await checkPage(page, problems, `${user.username} ${p}`, response);
            });
          }
        }

        await visit(page, '/dashboard');
        await logout(page);
        assert.equal(pathOf(page), '/', `logged out to the front page, got ${page.url()}`);
        await visit(page, '/dashboard');
        assert.equal(pathOf(page), '/login', 'the session is gone after logging out');
      } finally {
        await context.close();
      }
    });
  }
});
