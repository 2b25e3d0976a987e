// Browser test of jobs and progression (C5) and fleksjob follow-up (C6): a caseworker records
// a hire for a citizen, adds an hours change, sees the progression chart (inline SVG with a
// data table) and the counts page; every page axe-clean, no CSP violations. The citizen is
// created through /citizens/new (the demo data has no citizens); without that page the test
// is skipped with a note.
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

test('a caseworker records a hire, adds an hours change and sees the chart and the counts', async (t) => {
  const caseworker = user('caseworker');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, caseworker.username, caseworker.password);

    const citizenForm = await visit(page, '/citizens/new');
    if (!citizenForm || citizenForm.status() !== 200 || (await page.locator('#case_ref').count()) === 0) {
      t.skip('no /citizens/new page in this build: the lead walks the hire end to end');
      return;
    }
    await page.fill('#case_ref', 'E2E-JOB-1');
    await page.fill('#name', 'Victor Prøvesen');
    await submit(page, 'form:has(#case_ref)', (url) => !url.pathname.endsWith('/new'));

    // Demo data may already hold 2016 hires: compare the counts before and after.
    const fleksjobRow = async () => {
      await visit(page, '/jobs/counts?year=2016');
      const row = page.locator('tbody tr', { has: page.locator('th', { hasText: /^Fleksjob$/ }) });
      return (await row.innerText()).split('\t').slice(1).map(Number);
    };
    const before = await fleksjobRow();

    await visit(page, '/jobs/new');
    await checkA11y(page, 'new hire form');
    await page.fill('#citizen_ref', 'E2E-JOB-1');
    await page.selectOption('#enterprise_id', { label: 'Sumak' });
    await page.selectOption('#kind', 'fleksjob');
    await page.selectOption('#channel', 'municipality');
    await page.fill('#hired_on', '2016-09-08');
    await page.fill('#weekly_hours', '40');
    await page.fill('#intensity', '80');
    await submit(page, 'form[action="/jobs"]', /\/jobs$/);
    assert.match(await page.locator('.error-summary').innerText(), /Timer om ugen skal være mellem 0 og 37/);
    await checkA11y(page, 'new hire form with errors');
    problems.reset();  // the 422 of the refused form is expected

    await page.fill('#weekly_hours', '4,5');
    await submit(page, 'form[action="/jobs"]', /\/jobs\/\d+$/);
    assert.match(await page.locator('h1').innerText(), /Victor Prøvesen hos Sumak/);
    assert.match(await page.locator('main').innerText(), /3,6 effektive timer/);
    await checkA11y(page, 'job page');

    await page.fill('#effective_from', '2019-01-15');
    await page.fill('#weekly_hours', '15');
    await page.fill('#intensity', '100');
    await submit(page, 'form[action$="/hours"]', /\/jobs\/\d+$/);
    const chart = page.locator('svg.progression-chart[role="img"]');
    assert.equal(await chart.count(), 1, 'the progression chart is on the page');
    assert.equal(await chart.locator('title').textContent(), 'Progression for Victor Prøvesen');
    const points = await chart.locator('polyline.chart-hours').getAttribute('points');
    assert.equal(points.split(' ').length, 4, 'two steps of weekly hours');
    assert.match(await page.locator('table:has(caption:has-text("data bag grafen"))').innerText(), /15\.01\.2019/);
    await checkA11y(page, 'job page with progression');

    await visit(page, '/jobs?year=2016');
    assert.match(await page.locator('main table').innerText(), /Victor Prøvesen/);
    await checkA11y(page, 'jobs list');

    const afterHire = await fleksjobRow();
    assert.deepEqual(afterHire, [before[0] + 1, before[1], before[2] + 1], 'one more fleksjob via the jobcentre in 2016');
    await checkA11y(page, 'counts page');

    await visit(page, '/jobs/followups?days=1000');
    assert.match(await page.locator('main').innerText(), /Victor Prøvesen/);
    await checkA11y(page, 'fleksjob follow-up list');

    await visit(page, '/dashboard');
    assert.match(await page.locator('main').innerText(), /Opfølgning på fleksjob/);
    await checkA11y(page, 'dashboard with follow-ups');
    problems.assertNone('caseworker jobs walk');
  } finally {
    await context.close();
  }
});

test('the consultant sees the counts, the admin the job kinds, both axe-clean', async () => {
  for (const [role, path, heading] of [
    ['consultant', '/jobs/counts', 'Job i tal'],
    ['admin', '/admin/job-kinds', 'Jobtyper'],
  ]) {
    const { context, page, problems } = await newPage(browser, server.baseURL);
    try {
      const u = user(role);
      await login(page, u.username, u.password);
      const response = await visit(page, path);
      assert.equal(response.status(), 200, `${role} ${path}`);
      assert.equal(await page.locator('h1').innerText(), heading);
      await checkA11y(page, `${role}: ${path}`);
      problems.assertNone(`${role} ${path}`);
    } finally {
      await context.close();
    }
  }
});

test('an enterprise user sees only first names and hours of its own jobs, axe-clean', async () => {
  const u = user('enterprise');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, u.username, u.password);
    const response = await visit(page, '/jobs');
    assert.equal(response.status(), 200);
    await checkA11y(page, 'enterprise: jobs');
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /Prøvesen|E2E-JOB-1/, 'no surname or case reference');
    const first = page.locator('main tbody a[href^="/jobs/"]').first();
    if ((await first.count()) > 0) {
      await Promise.all([page.waitForURL(/\/jobs\/\d+$/), first.click()]);
      assert.equal(await page.locator('svg.progression-chart').count(), 1);
      assert.equal(await page.locator('form[action$="/hours"]').count(), 0, 'no change forms');
      await checkA11y(page, 'enterprise: job');
    }
    problems.assertNone('enterprise jobs');
  } finally {
    await context.close();
  }
});
