// Browser test of the network side (E2–E4) over the demo's Slagelse data: the consultant sees
// the four network meetings of 2018 and the six planned for 2019 with the nine themes, records
// a meeting with a registry participant and a typed one, a grant and a story, and sees the
// counts and sums change; the caseworker reads without write buttons. Every page axe-clean.
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

async function submit(page, urlPattern) {
  await Promise.all([page.waitForURL(urlPattern), page.locator('main form[method="post"] button[type="submit"]').first().click()]);
  await page.waitForLoadState('load');
}

test('the consultant records a meeting, a grant and a story and sees the counts', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('consultant');
    await login(page, u.username, u.password);
    assert.ok((await page.locator('header nav a[href="/network"]').count()) > 0, 'Netværk in the menu');
    assert.equal((await visit(page, '/network')).status(), 200);
    for (const href of ['/events', '/grants', '/stories']) {
      assert.equal(await page.locator(`main .nav-index a[href="${href}"]`).count(), 1, `${href} on the Netværk index`);
    }

    assert.equal((await visit(page, '/events?year=2018')).status(), 200);
    assert.equal(await page.locator('[data-count="network_meetings"]').innerText(), '4');
    assert.equal(await page.locator('[data-count="network_meetings_next_year"]').innerText(), '6');
    assert.equal(await page.locator('main ol li').count(), 9, 'nine themes for 2019');
    await checkA11y(page, 'events 2018');

    assert.equal((await visit(page, '/events/new')).status(), 200);
    await checkA11y(page, 'new event form');
    // Invalid first: the error summary, values kept.
    await page.fill('#held_on', '2018-13-01');
    await page.fill('#title', 'Netværksmøde om sociale medier');
    await submit(page, /\/events$/);
    assert.match(await page.locator('main').innerText(), /Datoen|dato/);
    assert.equal(await page.inputValue('#title'), 'Netværksmøde om sociale medier');
    await checkA11y(page, 'event form with errors');
    problems.reset();  // the 422 of the refused form is expected
    await page.fill('#held_on', '2018-12-12');
    // DKFDS draws the checkbox on its label: click the labels, as a user does.
    const firstInvited = await page.locator('main input[name^="invited_"]').first().getAttribute('id');
    const firstPresent = await page.locator('main input[name^="present_"]').first().getAttribute('id');
    await page.locator(`label[for="${firstInvited}"]`).click();
    await page.locator(`label[for="${firstPresent}"]`).click();
    await page.fill('#other_name_0', 'Frivilligcenteret');
    await page.locator('label[for="other_invited_0"]').click();
    await submit(page, /\/events\/\d+$/);
    assert.match(await page.locator('main').innerText(), /Frivilligcenteret/);
    await checkA11y(page, 'event detail');

    await visit(page, '/events?year=2018');
    assert.equal(await page.locator('[data-count="network_meetings"]').innerText(), '5');

    assert.equal((await visit(page, '/grants?year=2018')).status(), 200);
    assert.match(await page.locator('main').innerText(), /MinaGroup/);
    await checkA11y(page, 'grants 2018');
    assert.equal((await visit(page, '/grants/new')).status(), 200);
    await checkA11y(page, 'new grant form');
    await page.selectOption('#enterprise_id', { label: 'Sumak' });
    await page.fill('#year', '2018');
    await page.fill('#amount', '25.000');
    await page.fill('#source', 'Lokal fond');
    await submit(page, /\/grants\?year=2018/);
    const grants = await page.locator('main').innerText();
    assert.match(grants, /25\.000 kr\./);
    assert.match(grants, /500\.000 kr\./, 'Sumak in total 475.000 + 25.000');

    assert.equal((await visit(page, '/stories/new')).status(), 200);
    await checkA11y(page, 'new story form');
    await page.fill('#title', 'Ny café åbner');
    await page.fill('#story_date', '2018-12-20');
    await page.fill('#body', 'Caféen <b>åbnede</b> i dag.');
    await page.locator('label[for="published"]').click();
    await submit(page, /\/stories\/\d+$/);
    assert.match(await page.locator('main').innerText(), /Caféen <b>åbnede<\/b> i dag\./);
    await checkA11y(page, 'story');
    await visit(page, '/stories?year=2018');
    assert.equal(await page.locator('main h3').count(), 6, 'five demo stories and the new one');
    await checkA11y(page, 'stories 2018');
    problems.assertNone('consultant network');
  } finally {
    await context.close();
  }
});

test('the caseworker reads events, grants and stories without write buttons', async () => {
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    const u = user('caseworker');
    await login(page, u.username, u.password);
    for (const path of ['/events?year=2018', '/grants?year=2018', '/stories?year=2018']) {
      assert.equal((await visit(page, path)).status(), 200, path);
      assert.equal(await page.locator('main a.button-primary').count(), 0, `no write button on ${path}`);
      await checkA11y(page, path);
    }
    problems.assertNone('caseworker network');
  } finally {
    await context.close();
  }
});
