// Browser test of goals (F1) over the demo's Slagelse data: the caseworker opens "Mål", reads
// the 2018 status (19 of 25 enterprises and initiatives, on the way to the end-of-2020 target;
// 35 of 30 jobs via the jobcentre, reached) and
// follows the jobs figure to the jobs of 2018 behind it; the consultant sees the same figures
// with a link to the job counts (never a person list) and gets a plain "Ingen data" for a year
// without data after adding a goal for it. Every page axe-clean, no CSP violations.
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

test('the caseworker reads the 2018 status and follows the jobs figure to the jobs behind it', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('caseworker');
    await login(page, u.username, u.password);
    assert.ok((await page.locator('header nav a[href="/goals"]').count()) > 0, 'Mål in the menu');
    assert.equal((await visit(page, '/goals')).status(), 200);
    await checkA11y(page, 'goals, this year');

    assert.equal((await visit(page, '/goals?year=2018')).status(), 200);
    const main = await page.locator('main').innerText();
    assert.match(main, /Status for 2018/);
    assert.match(main, /19\s+af 25 pr\. 31\.12\.2018\s+Status: På vej \(76 % af målet\)/);
    assert.match(main, /35\s+af 30 i 2018\s+Status: Nået/);
    assert.doesNotMatch(main, /ikke nået/i, 'an end-of-2020 target is on the way in 2018');
    await checkA11y(page, 'goals 2018');

    const link = page.locator('main a[href="/jobs?year=2018&channel=municipality"]');
    assert.equal(await link.count(), 1, 'drill-down link on the jobs figure');
    await Promise.all([page.waitForURL(/\/jobs\?year=2018/), link.click()]);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').count(), 1);
    await checkA11y(page, 'jobs behind the figure');
    problems.assertNone('caseworker goals');
  } finally {
    await context.close();
  }
});

test('the consultant sees figures only and a plain message for a year without data', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('consultant');
    await login(page, u.username, u.password);
    assert.equal((await visit(page, '/goals?year=2018')).status(), 200);
    assert.equal(await page.locator('main a[href^="/jobs?"]').count(), 0, 'no person list for consultants');
    assert.equal(await page.locator('main a[href="/jobs/counts?year=2018"]').count(), 1);

    assert.equal((await visit(page, '/goals/new')).status(), 200);
    await checkA11y(page, 'new goal form');
    await page.selectOption('#metric', 'jobs');
    await page.fill('#title', '40 job om året');
    await page.fill('#target', '40');
    await page.fill('#period_from', '2030-01-01');
    await page.fill('#period_to', '2032-12-31');
    await Promise.all([page.waitForURL(/\/goals\/manage/), page.locator('main form [type="submit"]').click()]);
    assert.match(await page.locator('main').innerText(), /40 job om året/);
    await checkA11y(page, 'goal list');

    assert.equal((await visit(page, '/goals?year=2031')).status(), 200);
    const empty = await page.locator('main').innerText();
    assert.match(empty, /Ingen data for 2031/);
    assert.doesNotMatch(empty, /ikke nået/i, 'no data is never "ikke nået"');
    await checkA11y(page, 'goals 2031');
    problems.assertNone('consultant goals');
  } finally {
    await context.close();
  }
});
