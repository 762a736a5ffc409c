// The pages of issue #4 in real headless Chromium (Debian's), against a running `itucal serve`
// (run.sh starts it and sets ITUCAL_URL). Each browser gets a fresh profile directory.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.ITUCAL_URL;
assert.ok(BASE, 'ITUCAL_URL is not set: run tests/browser/run.sh');
const SHOTS = process.env.ITUCAL_SCREENSHOTS || join(tmpdir(), 'itucal-screenshots');
const MEETING = 'sg20-wp1-2018-01';
const HOST = new URL(BASE).host;
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const open = [];
after(async () => {
  for (const { context, dir } of open) {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh browser (own profile directory) with `options` (timezoneId, viewport, …). */
async function browser(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'itucal-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/Zurich',
    ...options,
  });
  open.push({ context, dir });
  return context;
}

/** A new page that records console errors, uncaught exceptions and failed requests. */
async function page(context) {
  const p = await context.newPage();
  p.errors = [];
  p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') p.errors.push(`console ${m.type()}: ${m.text()}`); });
  p.on('pageerror', (e) => p.errors.push(`page error: ${e.message}`));
  p.on('requestfailed', (r) => { if (r.url().startsWith(BASE)) p.errors.push(`failed: ${r.url()}`); });
  p.on('response', (r) => { if (r.url().startsWith(BASE) && r.status() >= 400) p.errors.push(`${r.status()}: ${r.url()}`); });
  return p;
}

const href = (p, name) => p.getAttribute(`[data-link="${name}"]`, 'href');
const enc = encodeURIComponent;

test('pages render in English and Chinese, labelled, with no console errors', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  const paths = ['/', `/meetings/${MEETING}`, '/subscribe/all', '/subscribe/groups/q2-20', `/subscribe/${MEETING}`, '/subscribe/deadlines'];
  for (const path of paths) {
    for (const [lang, htmlLang] of [['en', 'en'], ['zh', 'zh-Hans']]) {
      const url = `${BASE}${path}${lang === 'zh' ? '?lang=zh' : ''}`;
      const res = await p.goto(url);
      assert.equal(res.status(), 200, url);
      assert.equal(await p.getAttribute('html', 'lang'), htmlLang, url);
      const h1 = (await p.textContent('h1')).trim();
      assert.ok(h1.length > 0, `${url}: empty h1`);
      if (lang === 'zh') assert.match(h1, /[\u4e00-\u9fff]/, `${url}: h1 not in Chinese: ${h1}`);
      // the stylesheet applied (the skip link is moved off screen)
      const skipLeft = await p.$eval('a.skip', (a) => a.getBoundingClientRect().left);
      assert.ok(skipLeft < 0, `${url}: stylesheet not applied`);
      // every form control has a label, every link a name
      const unlabelled = await p.$$eval('input, select, textarea', (els) =>
        els.filter((e) => e.labels.length === 0 && !e.getAttribute('aria-label')).map((e) => e.outerHTML));
      assert.deepEqual(unlabelled, [], url);
      const nameless = await p.$$eval('a', (as) => as.filter((a) => !(a.getAttribute('aria-label') || a.textContent.trim())).map((a) => a.outerHTML));
      assert.deepEqual(nameless, [], url);
      // the language switch leads to the other language
      const other = await p.getAttribute(`nav.langs a[lang="${lang === 'en' ? 'zh-Hans' : 'en'}"]`, 'href');
      assert.equal(other.includes('lang=zh'), lang === 'en', `${url}: ${other}`);
    }
  }
  assert.deepEqual(p.errors, []);
});

test('every subscribe link has the expected href', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/all`);
  const feed = `${BASE}/feeds/all.ics`;
  assert.equal(await href(p, 'google'), `https://calendar.google.com/calendar/r?cid=${enc(`webcal://${HOST}/feeds/all.ics`)}`);
  assert.equal(await href(p, 'google-addbyurl'), 'https://calendar.google.com/calendar/r/settings/addbyurl');
  assert.equal(await href(p, 'outlook'), `https://outlook.live.com/calendar/0/addfromweb?url=${enc(feed)}&name=${enc('ITU-T meetings')}`);
  assert.equal(await href(p, 'office365'), `https://outlook.office.com/calendar/0/addfromweb?url=${enc(feed)}&name=${enc('ITU-T meetings')}`);
  assert.equal(await href(p, 'webcal'), `webcal://${HOST}/feeds/all.ics`);
  assert.equal(await href(p, 'download'), `${feed}?download=1`);
  assert.equal(await p.inputValue('#feed-url'), feed);
  assert.equal(await href(p, 'email-html'), `${BASE}/subscribe/all/email.html`);
  assert.equal(await href(p, 'email-txt'), `${BASE}/subscribe/all/email.txt`);
  // the QR code is there and square
  const box = await p.locator('.qr-code svg').boundingBox();
  assert.ok(box && box.width > 100 && Math.abs(box.width - box.height) < 1, JSON.stringify(box));
  // a group's page in Chinese: its own feed, the name as Outlook shows it
  await p.goto(`${BASE}/subscribe/groups/q2-20?lang=zh`);
  const q2 = `${BASE}/feeds/groups/q2-20.ics?lang=zh`;
  assert.equal(await href(p, 'google'), `https://calendar.google.com/calendar/r?cid=${enc(`webcal://${HOST}/feeds/groups/q2-20.ics?lang=zh`)}`);
  assert.equal(await href(p, 'outlook'), `https://outlook.live.com/calendar/0/addfromweb?url=${enc(q2)}&name=${enc('ITU-T Q2/20会议')}`);
  assert.deepEqual(p.errors, []);
});

test('the builder updates every link, by keyboard too', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/all`);
  const qrBefore = await p.getAttribute('.qr-code svg path', 'd');
  // keyboard: focus the Q2/20 box and press space
  await p.focus('#builder input[name="group"][value="q2-20"]');
  await p.keyboard.press('Space');
  await p.waitForFunction(() => document.querySelector('#feed-url').value.includes('group=q2-20'));
  const want = `${BASE}/feeds/all.ics?group=q2-20`;
  assert.equal(await p.inputValue('#feed-url'), want);
  assert.equal(await href(p, 'download'), `${want}&download=1`);
  assert.equal(await href(p, 'webcal'), `webcal://${HOST}/feeds/all.ics?group=q2-20`);
  assert.equal(await href(p, 'google'), `https://calendar.google.com/calendar/r?cid=${enc(`webcal://${HOST}/feeds/all.ics?group=q2-20`)}`);
  assert.equal(await href(p, 'outlook'), `https://outlook.live.com/calendar/0/addfromweb?url=${enc(want)}&name=${enc('ITU-T meetings – Q2/20')}`);
  assert.equal(await href(p, 'email-html'), `${BASE}/subscribe/all/email.html?group=q2-20`);
  assert.notEqual(await p.getAttribute('.qr-code svg path', 'd'), qrBefore, 'QR code not updated');
  assert.ok((await p.textContent('.builder-status')).length > 0, 'no announcement');
  assert.equal(new URL(p.url()).search, '?group=q2-20');
  // a kind too: canonical order, as the server writes it
  await p.check('#builder input[name="kind"][value="deadline"]');
  await p.check('#builder input[name="kind"][value="meeting"]');
  await p.waitForFunction(() => document.querySelector('#feed-url').value.includes('kind=meeting,deadline'));
  assert.equal(await p.inputValue('#feed-url'), `${BASE}/feeds/all.ics?kind=meeting,deadline&group=q2-20`);
  // the language loads the Chinese page with the same choice
  await Promise.all([p.waitForURL(/lang=zh/), p.check('#builder input[name="lang"][value="zh"]')]);
  assert.equal(await p.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await p.inputValue('#feed-url'), `${BASE}/feeds/all.ics?lang=zh&kind=meeting,deadline&group=q2-20`);
  assert.ok(await p.isChecked('#builder input[name="group"][value="q2-20"]'));
  assert.deepEqual(p.errors, []);
});

test('the copy button puts the feed URL on the clipboard', async () => {
  const ctx = await browser();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/groups/wp1-20`);
  await p.click('button[data-copy="feed-url"]');
  await p.waitForFunction(() => document.querySelector('[data-copy-status]').textContent.length > 0);
  assert.equal(await p.textContent('[data-copy-status]'), 'Copied');
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), `${BASE}/feeds/groups/wp1-20.ics`);
  assert.deepEqual(p.errors, []);
});

test('the download links return text/calendar files', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/deadlines?lang=zh`);
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-link="download"]')]);
  assert.equal(download.suggestedFilename(), 'itu-t-deadlines-zh.ics');
  const res = await ctx.request.get(await href(p, 'download'));
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'text/calendar; charset=utf-8');
  assert.match(res.headers()['content-disposition'], /^attachment; filename="itu-t-deadlines-zh.ics"/);
  assert.match(await res.text(), /^BEGIN:VCALENDAR\r\n/);
  // one event's .ics from the meeting page
  await p.goto(`${BASE}/meetings/${MEETING}`);
  const one = await p.getAttribute('#event-registration [data-link="event-ics"]', 'href');
  const ev = await ctx.request.get(one);
  assert.equal(ev.headers()['content-type'], 'text/calendar; charset=utf-8');
  assert.match(await ev.text(), /UID:registration\.sg20-wp1-2018-01@itucal/);
  assert.deepEqual(p.errors, []);
});

test("the meeting page shows the viewer's local time and the days left", async () => {
  const ctx = await browser({ timezoneId: 'Asia/Shanghai' });
  const p = await page(ctx);
  await p.clock.setFixedTime(new Date('2018-01-01T10:00:00+01:00'));
  await p.goto(`${BASE}/meetings/${MEETING}`);
  assert.ok(await p.isVisible('table.events th.local'));
  assert.equal((await p.textContent('table.events th.local')).trim(), 'Your time (Asia/Shanghai)');
  const local = await p.textContent('#event-registration td.local');
  assert.match(local, /15:30–16:30/, local); // 08:30–09:30 in Geneva (+01:00) is 15:30–16:30 (+08:00)
  assert.match(await p.textContent('#event-registration time'), /08:30–09:30/);
  const left = (date) => p.textContent(`.countdown[data-deadline="${date}"]`);
  assert.equal(await left('2018-01-11'), '10 days left');
  assert.equal(await left('2017-11-24'), 'passed');
  // Google and Outlook links per event
  assert.match(await p.getAttribute('#event-registration [data-link="event-google"]', 'href'), /&dates=20180115T083000%2F20180115T093000&ctz=Europe%2FZurich&/);
  assert.match(await p.getAttribute('#event-registration [data-link="event-outlook"]', 'href'), /&startdt=2018-01-15T07%3A30%3A00Z&enddt=2018-01-15T08%3A30%3A00Z&/);
  await p.goto(`${BASE}/meetings/${MEETING}?lang=zh`);
  assert.equal(await left('2018-01-11'), '还剩10天');
  assert.equal(await left('2017-11-24'), '已过');
  assert.equal(await left('2017-12-24'), '已过');
  assert.deepEqual(p.errors, []);

  // in Geneva the local column stays hidden
  const geneva = await page(await browser({ timezoneId: 'Europe/Zurich' }));
  await geneva.clock.setFixedTime(new Date('2018-01-11T23:30:00+01:00'));
  await geneva.goto(`${BASE}/meetings/${MEETING}`);
  assert.equal(await geneva.isVisible('table.events th.local'), false);
  assert.equal(await geneva.textContent('.countdown[data-deadline="2018-01-11"]'), 'due today');
  assert.deepEqual(geneva.errors, []);
});

test('the home page lists upcoming meetings first, then past ones', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  await p.clock.setFixedTime(new Date('2018-01-01T12:00:00+01:00'));
  await p.goto(`${BASE}/`);
  assert.equal(await p.locator('#meetings-upcoming li').count(), 1);
  assert.equal(await p.locator('#meetings-past').count(), 0);
  assert.equal((await p.textContent('#meetings-upcoming-h')).trim(), 'Upcoming');
  const later = await page(ctx);
  await later.clock.setFixedTime(new Date('2019-06-01T12:00:00+02:00'));
  await later.goto(`${BASE}/?lang=zh`);
  assert.equal(await later.locator('#meetings-past li').count(), 1);
  assert.equal((await later.textContent('#meetings-past-h')).trim(), '已结束');
  assert.deepEqual([...p.errors, ...later.errors], []);
});

test('the e-mail snippets hold no script and only plain links', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  for (const path of ['/subscribe/all/email.html', `/subscribe/groups/q1-20/email.html?lang=zh`, `/meetings/${MEETING}/email.html`]) {
    const res = await p.goto(`${BASE}${path}`);
    assert.equal(res.status(), 200);
    assert.ok(!(await res.text()).includes('<script'), path);
    assert.equal(await p.locator('script, style, img, link, form').count(), 0, path);
    const protocols = await p.$$eval('a', (as) => as.map((a) => new URL(a.href).protocol));
    assert.ok(protocols.length >= 5, path);
    assert.equal(protocols.filter((x) => x === 'webcal:').length, 1, path);
    assert.ok(protocols.every((x) => x === 'https:' || x === 'http:' || x === 'webcal:'), `${path}: ${protocols}`);
    // readable: the buttons have the white-on-blue inline style
    const style = await p.getAttribute('a', 'style');
    assert.match(style, /background:#0b5cad/);
  }
  assert.deepEqual(p.errors, []);
});

test('keyboard users can skip to the content', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/all`);
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.className), 'skip');
  assert.ok((await p.locator('a.skip').boundingBox()).x >= 0, 'skip link not shown on focus');
  await p.keyboard.press('Enter');
  assert.equal(new URL(p.url()).hash, '#main');
  await p.keyboard.press('Tab');
  const focused = await p.evaluate(() => document.activeElement.dataset.link);
  assert.equal(focused, 'google');
  assert.deepEqual(p.errors, []);
});

test('screenshots of the pages at desktop and phone width', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const ctx = await browser({ viewport, timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
    const p = await page(ctx);
    await p.clock.setFixedTime(new Date('2018-01-01T10:00:00+01:00'));
    for (const [file, path] of [['index', '/'], ['meeting', `/meetings/${MEETING}`], ['subscribe', '/subscribe/groups/q2-20?lang=zh']]) {
      await p.goto(`${BASE}${path}`);
      await p.evaluate(() => document.fonts.ready);
      await p.screenshot({ path: join(SHOTS, `${file}-${name}.png`), fullPage: true });
    }
    // nothing sticks out sideways on a phone
    if (name === 'phone') {
      for (const path of ['/', `/meetings/${MEETING}`, '/subscribe/all']) {
        await p.goto(`${BASE}${path}`);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} is ${overflow}px too wide on a phone`);
      }
    }
    assert.deepEqual(p.errors, []);
  }
});
