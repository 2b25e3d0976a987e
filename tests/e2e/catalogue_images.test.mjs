// Browser test of catalogue images: the enterprise user adds an image with alt text to one of
// its published items (the upload page is axe-clean, a file that is not an image is refused
// with the Danish message), and a visitor then sees the thumbnail with its alt text on the
// public item page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { demoUsers } from './demo-users.mjs';
import { checkA11y, launchBrowser, login, logout, newPage, startServer, visit } from './support.mjs';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

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

test('an enterprise adds an image to a published item and a visitor sees it', async () => {
  const enterprise = demoUsers.find((u) => u.role === 'enterprise');
  const { context, page, problems } = await newPage(browser, server.baseURL);
  try {
    await login(page, enterprise.username, enterprise.password);
    await visit(page, '/catalogue/items?status=published');
    const edit = page.locator('a[href$="/edit"][href^="/catalogue/items/"]').first();
    const editHref = await edit.getAttribute('href');
    const id = editHref.split('/')[3];
    await visit(page, `/catalogue/items/${id}/images`);
    await checkA11y(page, 'image page');

    // A text file named .jpg is refused and nothing is stored.
    await page.setInputFiles('#image', { name: 'billede.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('ikke et billede') });
    await page.fill('#alt_text', 'Et forkert billede');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[enctype="multipart/form-data"] [type="submit"]').click()]);
    assert.match(await page.locator('main').innerText(), /Filen er ikke et billede i JPEG- eller PNG-format/);
    await checkA11y(page, 'image page with an error');
    problems.reset(); // the 422 of the refused upload is expected

    await page.setInputFiles('#image', { name: 'kage.png', mimeType: 'image/png', buffer: PNG });
    await page.fill('#alt_text', 'Kage på et fad');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[enctype="multipart/form-data"] [type="submit"]').click()]);
    assert.equal(await page.locator('main img[alt="Kage på et fad"]').count(), 1, 'the thumbnail is listed');
    await checkA11y(page, 'image page with an image');
    await logout(page);

    // A visitor sees the thumbnail with its alt text on the public item page.
    problems.reset();
    await visit(page, `/katalog/${id}`);
    const img = page.locator('main img[alt="Kage på et fad"]');
    assert.equal(await img.count(), 1, 'the public item page shows the image');
    const src = await img.getAttribute('src');
    const response = await page.request.get(src);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'image/png');
    await checkA11y(page, 'public item with an image');
    problems.assertNone('image walk');
  } finally {
    await context.close();
  }
});
