// Browser test of matching (issue 6): the caseworker opens the demo citizen, sees explained
// suggestions and the openings left out, accepts the agreement slot → the referral (placement)
// exists; the cohort page shows the optimal total; consultants get 403. Every page axe-clean.
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

test('a caseworker sees explained suggestions for a demo citizen and accepts one', async () => {
  const caseworker = user('caseworker');
  const { context, page } = await newPage(browser, server.baseURL);
  try {
    await login(page, caseworker.username, caseworker.password);
    await visit(page, '/citizens?q=DEMO-M001');
    const link = page.locator('main a', { hasText: 'Maja Madsen' }).first();
    await Promise.all([page.waitForURL(/\/citizens\/\d+$/), link.click()]);
    const id = page.url().match(/\/citizens\/(\d+)$/)[1];

    assert.equal((await visit(page, `/citizens/${id}/suggestions`)).status(), 200);
    assert.match(await page.locator('h1').innerText(), /Forslag til Maja Madsen/);
    const main = await page.locator('main').innerText();
    assert.match(main, /Lagermedhjælper/);
    assert.match(main, /Har kompetencer i \d af \d opgaver/);
    assert.match(main, /Ønsker 10–20 timer/);
    assert.match(main, /km fra bopæl \(cykel\)/);
    assert.match(main, /Stillinger, der ikke passer/);
    await checkA11y(page, 'suggestions');

    // Accept the agreement slot: it becomes a referral.
    const item = page.locator('ol.suggestions > li', { hasText: 'Praktik i Sumak' }).first();
    await Promise.all([
      page.waitForURL(/\/placements\/\d+$/),
      item.locator('form[action="/matching/accept"] button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('load');
    assert.match(await page.locator('main').innerText(), /Maja Madsen/);

    assert.equal((await visit(page, '/matching/proposals')).status(), 200);
    assert.match(await page.locator('main').innerText(), /Accepteret/);
    await checkA11y(page, 'proposals');
  } finally {
    await context.close();
  }
});

test('the cohort page shows the optimal total; consultants cannot reach it', async () => {
  const { context, page } = await newPage(browser, server.baseURL);
  try {
    await login(page, user('caseworker').username, user('caseworker').password);
    await visit(page, '/matching/cohort');
    await checkA11y(page, 'cohort form');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/matching/cohort') && r.request().method() === 'POST'),
      page.locator('form[action="/matching/cohort"] button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('load');
    assert.match(await page.locator('main').innerText(), /Samlet match: \d+ point/);
    assert.ok(Number(await page.locator('[data-total-fit]').innerText()) > 0);
    await checkA11y(page, 'cohort result');
  } finally {
    await context.close();
  }
  const other = await newPage(browser, server.baseURL);
  try {
    await login(other.page, user('consultant').username, user('consultant').password);
    assert.equal((await visit(other.page, '/matching/cohort')).status(), 403);
  } finally {
    await other.context.close();
  }
});

test('an enterprise user posts a job opening; the admin edits weights; forms are accessible', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, user('enterprise').username, user('enterprise').password);
    await visit(page, '/openings/new');
    await checkA11y(page, 'new job opening form');
    await page.fill('#title', '');
    await page.fill('#capacity', '0');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action="/openings"] [type="submit"]').click()]);
    assert.match(await page.locator('.error-summary').innerText(), /Skriv stillingens titel/);
    await checkA11y(page, 'job opening form with errors');
    problems.reset();  // the 422 is expected
    await page.fill('#title', 'Cafémedhjælper');
    await page.fill('#capacity', '2');
    await page.fill('#tasks', 'café, kundeservice');
    await page.fill('#hours_min', '10');
    await page.fill('#hours_max', '20');
    await page.fill('#postcode', '4200');
    await Promise.all([page.waitForURL(/\/openings$/), page.locator('form[action="/openings"] [type="submit"]').click()]);
    assert.match(await page.locator('main').innerText(), /Cafémedhjælper/);
    await checkA11y(page, 'openings list (enterprise)');
    assert.equal((await visit(page, '/matching/proposals')).status(), 403);
    problems.reset();
  } finally {
    await context.close();
  }
  const admin = await newPage(browser, server.baseURL);
  try {
    await login(admin.page, user('admin').username, user('admin').password);
    await visit(admin.page, '/openings');
    await checkA11y(admin.page, 'openings list (admin)');
    const attributes = admin.page.locator('a[href$="/attributes"]').first();
    await Promise.all([admin.page.waitForURL(/\/attributes$/), attributes.click()]);
    await checkA11y(admin.page, 'matching attributes form');
    await visit(admin.page, '/admin/matching');
    await checkA11y(admin.page, 'matching weights');
    await admin.page.fill('#distance', '-1');
    await Promise.all([admin.page.waitForLoadState('load'), admin.page.locator('form[action="/admin/matching"] [type="submit"]').click()]);
    assert.match(await admin.page.locator('.error-summary').innerText(), /Vægten for afstand kan ikke være negativ/);
    admin.problems.reset();
  } finally {
    await admin.context.close();
  }
});
