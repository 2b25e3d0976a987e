// Browser test of the annual report (F2) over the demo data: the consultant finds "Årsrapport"
// in the menu, chooses 2018, reads the report (003's figures, no citizen names), downloads the
// PDF and the XLSX, opens the mid-year status and the narrative editor; an enterprise user sees
// only the public version. Every page axe-clean, no CSP violations.
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

async function download(page, urlPath) {
  const response = await page.request.get(urlPath);
  return { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.body() };
}

test('the consultant reads the 2018 report and downloads it', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('consultant');
    await login(page, u.username, u.password);
    assert.ok((await page.locator('header nav a[href="/report"]').count()) > 0, 'Årsrapport in the menu');
    assert.equal((await visit(page, '/report?year=2018')).status(), 200);
    await checkA11y(page, 'report index');

    await Promise.all([page.waitForURL(/\/report\/2018$/), page.locator('main a', { hasText: 'Læs årsrapporten 2018' }).click()]);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('h1').innerText(), 'Socialøkonomisk årsrapport 2018');
    const main = await page.locator('main').innerText();
    assert.match(main, /er der 19 socialøkonomiske virksomheder og initiativer i Slagelse Kommune/);
    assert.match(main, /I 2018 er der holdt 4 netværksmøder\. For 2019 er der planlagt 6 netværksmøder\./);
    assert.match(main, /Job via jobcentret: 35\. Job via andre kanaler: 29\./);
    assert.match(main, /10 af 25 \(40 %\)/);
    assert.match(main, /22 af 34 \(64 %\)/);
    assert.match(main, /7\. Anbefalinger/);
    assert.doesNotMatch(main, /DEMO-\d{4}/);
    assert.ok((await page.locator('main svg[role="img"]').count()) > 0, 'charts as accessible SVG');
    await checkA11y(page, 'report 2018');

    const pdf = await download(page, '/report/2018.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
    const xlsx = await download(page, '/report/2018.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const json = await download(page, '/report/2018.json');
    assert.equal(json.status, 200);
    assert.equal(JSON.parse(json.body.toString()).jobs.municipality, 35);

    assert.equal((await visit(page, '/report/2018/public')).status(), 200);
    await checkA11y(page, 'public report 2018');
    assert.equal((await visit(page, '/report/2018/midyear?date=2018-06-30')).status(), 200);
    await checkA11y(page, 'mid-year status');
    assert.equal((await visit(page, '/report/2018/texts')).status(), 200);
    await checkA11y(page, 'narrative editor');
    assert.equal((await visit(page, '/report/2031')).status(), 200);
    assert.match(await page.locator('main').innerText(), /Der er ingen registrerede data for 2031\./);
    await checkA11y(page, 'a year without data');
    problems.assertNone('consultant report');
  } finally {
    await context.close();
  }
});

test('the admin edits the strategy points; the enterprise user sees the public version only', async () => {
  {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      const u = user('admin');
      await login(page, u.username, u.password);
      assert.equal((await visit(page, '/report/points')).status(), 200);
      await checkA11y(page, 'strategy points');
      problems.assertNone('admin strategy points');
    } finally {
      await context.close();
    }
  }
  const { context, page } = await newPage(browser, server.baseURL);
  try {
    const u = user('enterprise');
    await login(page, u.username, u.password);
    assert.equal((await visit(page, '/report?year=2018')).status(), 200);
    assert.equal(await page.locator('main a[href="/report/2018.pdf"]').count(), 0);
    await checkA11y(page, 'report index, enterprise');
    assert.equal((await visit(page, '/report/2018')).status(), 403);
    assert.equal((await visit(page, '/report/2018/public')).status(), 200);
    assert.match(await page.locator('main').innerText(), /offentlig udgave/i);
    await checkA11y(page, 'public report, enterprise');
    const pdf = await download(page, '/report/2018/public.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
  } finally {
    await context.close();
  }
});
