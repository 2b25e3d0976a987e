// Browser test of agreement evaluation (C4) over the demo's Slagelse 2018 data set: the
// consultant opens "Evaluering" (the comparison), follows the first agreement to its eight
// questions for the 2018 evaluation period and sees the report's shares; the caseworker sees
// the same page with the no-plan reasons. No citizen names or case references anywhere; every
// page axe-clean, no CSP violations.
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
const PERIOD = 'from=2016-08-01&to=2018-08-01';

test('the consultant compares the agreements and reads agreement 1 of 2018, figures only', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('consultant');
    await login(page, u.username, u.password);
    assert.ok((await page.locator('header nav a[href="/evaluation/compare"]').count()) > 0, 'Evaluering in the menu');
    assert.equal((await visit(page, '/evaluation/compare')).status(), 200);
    assert.equal(await page.locator('h1').innerText(), 'Sammenligning af samarbejdsaftaler');
    await checkA11y(page, 'comparison, this year');

    const compare = await visit(page, `/evaluation/compare?${PERIOD}`);
    assert.equal(compare.status(), 200);
    const table = await page.locator('main').innerText();
    assert.match(table, /10 af 25 \(40 %\)/);
    assert.match(table, /22 af 34 \(64 %\)/);
    assert.doesNotMatch(table, /DEMO-\d{4}/);
    await checkA11y(page, 'comparison 2016–2018');

    await Promise.all([page.waitForURL(/\/evaluation\?/), page.locator('main table a', { hasText: 'Samarbejdsaftale 1' }).click()]);
    await page.waitForLoadState('load');
    const main = await page.locator('main').innerText();
    assert.match(main, /Afsluttede forløb i alt: 25\. Fortsat i forløb: 4\./);
    assert.match(main, /4 af 25 \(16 %\)/);
    assert.doesNotMatch(main, /Årsager til manglende plan/);
    assert.doesNotMatch(main, /DEMO-\d{4}/);
    await checkA11y(page, 'evaluation of agreement 1');

    problems.assertNone('consultant evaluation');
    // A period typed the wrong way round: an error summary (422, logged by the browser).
    await page.fill('#from', '2018-08-01');
    await page.fill('#to', '2018-01-01');
    await Promise.all([page.waitForLoadState('load'), page.locator('main form [type="submit"]').first().click()]);
    assert.match(await page.locator('main').innerText(), /Periodens sidste dag kan ikke ligge før den første\./);
    await checkA11y(page, 'evaluation with a period error');
    assert.equal(problems.cspViolations.length, 0);
  } finally {
    await context.close();
  }
});

test('the caseworker sees the reasons for missing plans; enterprise users are refused', async () => {
  for (const role of ['caseworker', 'enterprise']) {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      const u = user(role);
      await login(page, u.username, u.password);
      const response = await visit(page, `/evaluation/compare?${PERIOD}`);
      if (role === 'enterprise') {
        assert.equal(response.status(), 403);
        continue;
      }
      await Promise.all([page.waitForURL(/\/evaluation\?/), page.locator('main table a', { hasText: 'Samarbejdsaftale 2' }).click()]);
      await page.waitForLoadState('load');
      const main = await page.locator('main').innerText();
      assert.match(main, /22 af 34 \(64 %\)/);
      assert.match(main, /Årsager til manglende plan/);
      await checkA11y(page, 'evaluation of agreement 2 (caseworker)');
      problems.assertNone('caseworker evaluation');
    } finally {
      await context.close();
    }
  }
});
