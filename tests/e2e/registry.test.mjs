// Browser test of the enterprise registry (capabilities A1, A2) as a consultant would use it:
// a bad CVR is refused with a Danish message at the field, a good one creates the enterprise,
// and the Table 1 counts for the date it was established include it. Every page is axe-checked.
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

/** Reads the "Antal i alt" cell of a municipality's row on the counts page. */
async function totalFor(page, municipality) {
  const row = page.locator('table tbody tr', { has: page.locator('th', { hasText: municipality }) });
  return Number((await row.locator('td').first().innerText()).trim());
}

test('a consultant registers an initiative and sees it counted', async () => {
  const consultant = demoUsers.find((u) => u.role === 'consultant');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, consultant.username, consultant.password);

    await visit(page, '/registry/counts?date=2019-02-28&year=2019&municipality=Slagelse');
    const februaryBefore = await totalFor(page, 'Slagelse');
    await visit(page, '/registry/counts?date=2019-06-30&year=2019&municipality=Slagelse');
    await checkA11y(page, 'counts before');
    const juneBefore = await totalFor(page, 'Slagelse');

    await visit(page, '/enterprises/new');
    await checkA11y(page, 'new enterprise form');
    problems.assertNone('pages before the form');
    await page.fill('#name', 'Æblehaven – testinitiativ');
    await page.fill('#cvr', '12345675');
    await page.selectOption('#kind', 'initiative');
    await page.fill('#municipality', 'Slagelse');
    await page.selectOption('#status', 'established');
    await page.fill('#status_date', '2019-03-01');
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit].button-primary')]);

    // The modulus-11 check fails: the form comes back with the message at the field.
    assert.match(await page.locator('#cvr-error').innerText(), /CVR-nummeret er ikke gyldigt/);
    assert.match(await page.title(), /^Fejl: /);
    await checkA11y(page, 'form with errors');
    problems.reset();  // the browser logs the intended 422 as a console error

    await page.fill('#cvr', '12345674');
    await Promise.all([page.waitForURL(/\/enterprises\/\d+$/), page.click('button[type=submit].button-primary')]);
    assert.equal(await page.locator('h1').innerText(), 'Æblehaven – testinitiativ');
    await checkA11y(page, 'enterprise detail');
    const detailUrl = page.url();

    // A3: the RSV checklist and a yearly statement form are reachable and accessible.
    await Promise.all([page.waitForURL(/\/rsv$/), page.click('text=RSV: tjekliste og årsredegørelser')]);
    await checkA11y(page, 'RSV checklist');
    await visit(page, new URL(detailUrl).pathname + '/rsv/statements/new');
    await checkA11y(page, 'RSV statement form');

    await visit(page, '/registry/counts?date=2019-06-30&year=2019&municipality=Slagelse');
    assert.equal(await totalFor(page, 'Slagelse'), juneBefore + 1, 'the new initiative is counted from its date');
    await visit(page, '/registry/counts?date=2019-02-28&year=2019&municipality=Slagelse');
    assert.equal(await totalFor(page, 'Slagelse'), februaryBefore, 'not counted before the date it happened');
    problems.assertNone('registry flow');
  } finally {
    await context.close();
  }
});
