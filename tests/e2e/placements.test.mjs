// Browser test of placements (C1, C2): a caseworker creates an agreement, refers a citizen,
// starts the placement, records the plan and a follow-up; the enterprise user (demo user
// "virksomhed", enterprise Sumak) sees the participant under "Mine deltagere" and records an
// attendance sheet; the caseworker ends the placement with an outcome. Every page axe-clean.
// The citizen is created through /citizens/new (the demo data has no citizens); without that
// page the test is skipped with a note.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { demoUsers } from './demo-users.mjs';
import { checkA11y, launchBrowser, login, logout, newPage, startServer, visit } from './support.mjs';

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

test('referral → start → plan → follow-up → attendance by the enterprise → outcome', async (t) => {
  const caseworker = user('caseworker');
  const enterprise = user('enterprise');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, caseworker.username, caseworker.password);

    const citizenForm = await visit(page, '/citizens/new');
    if (!citizenForm || citizenForm.status() !== 200 || (await page.locator('#case_ref').count()) === 0) {
      t.skip('no /citizens/new page in this build: the lead walks the placement end to end');
      return;
    }
    await page.fill('#case_ref', 'E2E-PLC-1');
    await page.fill('#name', 'Pia Praktik');
    await submit(page, 'form:has(#case_ref)', (url) => !url.pathname.endsWith('/new'));

    // An agreement with Sumak running today.
    const today = new Date().toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    await visit(page, '/agreements/new');
    await checkA11y(page, 'new agreement form');
    await page.selectOption('#enterprise_id', { label: 'Sumak' });
    await page.fill('#title', 'E2E-aftale Sumak');
    await page.fill('#start_date', `${year}-01-01`);
    await page.fill('#end_date', `${year}-12-31`);
    await page.fill('#slots', '8');
    await page.fill('#frame_weeks', '13');
    await page.fill('#extension_weeks', '13');
    await page.fill('#plan_deadline_days', '14');
    await page.fill('#price', '12.500');
    await submit(page, 'form[action="/agreements"]', /\/agreements\/\d+$/);
    await checkA11y(page, 'agreement page');

    // Referral with an error first (no citizen), then right.
    await visit(page, '/placements/new');
    await checkA11y(page, 'referral form');
    await submit(page, 'form[action="/placements"]', /\/placements$/);
    assert.match(await page.locator('.error-summary').innerText(), /Skriv borgerens sagsnummer/);
    await checkA11y(page, 'referral form with errors');
    problems.reset();  // the 422 of the refused form is expected
    await page.fill('#citizen', 'E2E-PLC-1');
    await page.selectOption('#enterprise_id', { label: 'Sumak' });
    await page.selectOption('#agreement_id', { label: 'E2E-aftale Sumak (Sumak, 0 af 8 pladser i brug)' });
    await page.selectOption('#intervention_type_id', { label: 'Virksomhedspraktik' });
    await page.fill('#referred_on', today);
    await page.fill('#weekly_hours', '15');
    await submit(page, 'form[action="/placements"]', /\/placements\/\d+$/);
    const placementUrl = new URL(page.url()).pathname;
    const placementId = placementUrl.split('/').pop();
    assert.match(await page.locator('h1').innerText(), /Pia Praktik/);
    await checkA11y(page, 'placement page (referred)');

    await page.fill('#start_date', today);
    await submit(page, 'form[action$="/start"]', /\/placements\/\d+$/);
    assert.match(await page.locator('main').innerText(), /I gang/);
    await page.fill('#plan_made_on', today);
    await page.selectOption('#plan_owned', 'yes');
    await submit(page, 'form[action$="/plan"]', /\/placements\/\d+$/);
    await page.fill('#held_on', today);
    await page.fill('#followup_note', 'Første opfølgningsmøde');
    await submit(page, 'form[action$="/followups"]', /\/placements\/\d+$/);
    assert.match(await page.locator('main').innerText(), /Første opfølgningsmøde/);
    await checkA11y(page, 'placement page (active)');
    await visit(page, '/placements');
    await checkA11y(page, 'placement list');
    await visit(page, '/capacity');
    await checkA11y(page, 'capacity');
    await logout(page);

    // The enterprise user sees the participant and records attendance.
    await login(page, enterprise.username, enterprise.password);
    await visit(page, '/participants');
    assert.match(await page.locator('main').innerText(), /Pia Praktik/);
    assert.doesNotMatch(await page.locator('main').innerText(), /E2E-PLC-1/);
    await checkA11y(page, 'Mine deltagere');
    await visit(page, `/participants/${placementId}`);
    await checkA11y(page, 'participant page');
    await page.fill('#period_from', today);
    await page.fill('#period_to', today);
    await page.fill('#days_planned', '1');
    await page.fill('#days_present', '1');
    await page.fill('#submitted_on', today);
    await submit(page, 'form[action$="/attendance"]', /\/participants\/\d+$/);
    assert.match(await page.locator('main').innerText(), /1 af 1/);
    await visit(page, '/hiring-needs');
    await checkA11y(page, 'hiring needs');
    await logout(page);

    // The caseworker ends the placement with an outcome.
    await login(page, caseworker.username, caseworker.password);
    await visit(page, placementUrl);
    await page.fill('#end_date', today);
    await page.selectOption('#outcome_id', { label: 'Ordinært job (Job, uddannelse eller fleksjob)' });
    await submit(page, 'form[action$="/end"]', /\/placements\/\d+$/);
    const text = await page.locator('main').innerText();
    assert.match(text, /Afsluttet/);
    assert.match(text, /Ordinært job/);
    await checkA11y(page, 'placement page (ended)');

    // ... and the placement ends in the hire: the form comes prefilled from the placement.
    await Promise.all([
      page.waitForURL(/\/jobs\/new\?placement=\d+$/),
      page.locator(`a[href="/jobs/new?placement=${placementId}"]`).click(),
    ]);
    assert.equal(await page.inputValue('#citizen_ref'), 'E2E-PLC-1');
    await checkA11y(page, 'hire form from the placement');
    await page.selectOption('#kind', 'part_time');
    await page.selectOption('#channel', 'municipality');
    await page.fill('#weekly_hours', '12');
    await page.fill('#intensity', '90');
    await submit(page, 'form[action="/jobs"]', /\/jobs\/\d+$/);
    const job = await page.locator('main').innerText();
    assert.match(job, /Pia Praktik/);
    assert.match(job, /10,8 effektive timer/);
    await checkA11y(page, 'job page after the hire');
    problems.assertNone('placement walk');
  } finally {
    await context.close();
  }
});
