// Browser test of citizens (issue 4, items 1 and 9): a caseworker creates a citizen (a CPR-like
// case reference is refused with the Danish message), sees the profile with its links, the
// audit view and searches; the administrator sees the retention page with its dry-run
// preview; other roles get 403. Every page axe-clean, no CSP violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { demoUsers } from './demo-users.mjs';
import { checkA11y, launchBrowser, login, newPage, startServer, visit } from './support.mjs';

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

const user = (role) => demoUsers.find((u) => u.role === role);

async function submit(page, formSelector, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern), page.locator(`${formSelector} [type="submit"]`).first().click()]);
  await page.waitForLoadState('load');
}

test('a caseworker creates a citizen, sees the profile, the audit view and searches', async () => {
  const caseworker = user('caseworker');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, caseworker.username, caseworker.password);
    assert.equal((await visit(page, '/citizens')).status(), 200);
    await checkA11y(page, 'citizens list');
    await visit(page, '/citizens/new');
    await checkA11y(page, 'new citizen form');

    await page.fill('#case_ref', '010190-1234');
    await page.fill('#name', 'Åse Prøvesen');
    await page.fill('#competences', 'Truck, lager');
    await page.fill('#wished_hours_min', '7,5');
    await page.fill('#wished_hours_max', '15');
    await submit(page, 'form:has(#case_ref)', /\/citizens$/);
    assert.match(await page.locator('.error-summary').innerText(), /CPR-numre må ikke gemmes/);
    assert.equal(await page.locator('#name').inputValue(), 'Åse Prøvesen', 'values are kept');
    await checkA11y(page, 'new citizen form with errors');
    problems.reset();  // the 422 of the refused form is expected

    await page.fill('#case_ref', 'E2E-BORGER-1');
    await submit(page, 'form:has(#case_ref)', /\/citizens\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /Åse Prøvesen/);
    const main = await page.locator('main').innerText();
    assert.match(main, /7,5–15 timer om ugen/);
    assert.match(main, /truck/);
    assert.equal(await page.locator('a[href^="/placements?citizen="]').count(), 1);
    assert.equal(await page.locator('a[href^="/jobs?citizen="]').count(), 1);
    await checkA11y(page, 'citizen profile');

    await page.locator('a[href$="/log"]').first().click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('main').innerText(), /sagsbehandling/);
    await checkA11y(page, 'citizen audit view');

    await visit(page, '/citizens?q=prøve');
    assert.match(await page.locator('main').innerText(), /E2E-BORGER-1/);
    problems.assertNone('caseworker citizens walk');
  } finally {
    await context.close();
  }
});

test('the administrator sees the retention page with its preview', async () => {
  const admin = user('admin');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, admin.username, admin.password);
    assert.equal((await visit(page, '/admin/retention')).status(), 200);
    assert.match(await page.locator('main').innerText(), /Prøvekørsel/);
    await checkA11y(page, 'retention page');
    problems.assertNone('retention page');
  } finally {
    await context.close();
  }
});

for (const role of ['consultant', 'enterprise', 'buyer']) {
  test(`${role} gets 403 on citizens`, async () => {
    const { context, page } = await newPage(browser, server.baseURL);
    try {
      await login(page, user(role).username, user(role).password);
      assert.equal((await visit(page, '/citizens')).status(), 403);
      assert.equal(await page.locator('header nav a[href="/citizens"]').count(), 0, 'no Borgere in the menu');
    } finally {
      await context.close();
    }
  });
}
