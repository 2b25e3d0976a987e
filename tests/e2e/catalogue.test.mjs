// Browser test of the public catalogue (B1) as a visitor and as a buyer: Danish search with
// stemming ("kagerne" finds "… kage"), the item page and the enterprise's public profile, all
// axe-clean, and no draft or contact person ever visible.
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

async function walkCatalogue(page, problems, who) {
  await visit(page, '/katalog');
  await checkA11y(page, `${who}: catalogue`);
  await page.fill('#q', 'kagerne');
  await Promise.all([page.waitForURL(/\/katalog\?/), page.press('#q', 'Enter')]);
  const hit = page.locator('.catalogue-results a', { hasText: 'Mødeforplejning med kaffe og kage' });
  assert.equal(await hit.count(), 1, `${who}: "kagerne" finds the item about "kage"`);
  await checkA11y(page, `${who}: search results`);

  await Promise.all([page.waitForURL(/\/katalog\/\d+$/), hit.first().click()]);
  assert.equal(await page.locator('h1').innerText(), 'Mødeforplejning med kaffe og kage');
  await checkA11y(page, `${who}: item`);

  const profile = page.locator('a[href^="/virksomheder/"]').first();
  await Promise.all([page.waitForURL(/\/virksomheder\/\d+$/), profile.click()]);
  assert.equal(await page.locator('h1').innerText(), 'Sumak');
  await checkA11y(page, `${who}: public profile`);
  problems.assertNone(`${who}: catalogue walk`);
}

test('a visitor finds products by Danish search without logging in', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await walkCatalogue(page, problems, 'visitor');
  } finally {
    await context.close();
  }
});

test('a buyer walks the same catalogue and sends a request about an item (B2)', async () => {
  const buyer = demoUsers.find((u) => u.role === 'buyer');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, buyer.username, buyer.password);
    await walkCatalogue(page, problems, 'buyer');

    await page.goBack();  // back on the item page
    await Promise.all([page.waitForURL(/\/buying\/requests\/new/), page.click('text=Send forespørgsel')]);
    await checkA11y(page, 'buyer: request form');
    await page.fill('#buyer_organisation', 'Slagelse Kommune, Rådhuset');
    await page.fill('#message', 'Vi holder møde for 30 personer den 12. december. Kan I levere kaffe og kage?');
    await Promise.all([page.waitForURL(/\/buying\/requests\/\d+$/), page.click('button[type=submit].button-primary')]);
    assert.match(await page.locator('.alert-success').innerText(), /Din forespørgsel er sendt til Sumak/);
    await checkA11y(page, 'buyer: sent request');
    problems.assertNone('buyer: request flow');
  } finally {
    await context.close();
  }
});
