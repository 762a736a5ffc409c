// The pages of issue #4 in real headless Chromium (Debian's), against a running `itucal serve`
// (run.sh starts it and sets ITUCAL_URL). One Chromium for the whole file; each test gets fresh
// browser contexts of it (their own storage, permissions, clock and viewport), which start in a
// fraction of the time a new browser takes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
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
// The widths every page is tested at. axe-core runs at the first two; the other two are WCAG
// 1.4.4 and 1.4.10: a 1280 px window zoomed to 200 % (640 CSS px of two device pixels each) and
// 320 CSS px (the same window at 400 %), where nothing may be lost or scroll sideways.
const WIDTHS = [
  { name: 'desktop width', viewport: DESKTOP, axe: true },
  { name: 'phone width', viewport: PHONE, axe: true },
  { name: '200 % zoom', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
  { name: '320 px width', viewport: { width: 320, height: 640 } },
];
// the six languages in ITU's order: ?lang=, <html lang>, direction
const LANGS = [['ar', 'ar', 'rtl'], ['zh', 'zh-Hans', 'ltr'], ['en', 'en', 'ltr'], ['fr', 'fr', 'ltr'], ['ru', 'ru', 'ltr'], ['es', 'es', 'ltr']];
// Every kind of page, in this one list: each is tested in all six languages at every width
// (language, direction, reflow, no errors, axe-core). A new kind of page (the changes page, a
// group's page, the long-range view) is added here. `site`: it has the site's frame (header,
// language switch, skip link, h1), which the e-mail snippets have not; `shot`: the file name of
// its screenshots in docs/screenshots.
const PAGES = [
  { path: '/', site: true, shot: 'index' },
  { path: `/meetings/${MEETING}`, site: true, shot: 'meeting' },
  { path: '/subscribe/all', site: true },
  { path: '/subscribe/groups/q2-20', site: true, shot: 'subscribe' },
  { path: `/meetings/${MEETING}/email.html` },
  { path: '/subscribe/all/email.html' },
  // what changed (issue 17): everything's, and one meeting's, with its e-mail snippet
  { path: '/changes', site: true },
  { path: `/meetings/${MEETING}/changes`, site: true },
  { path: `/meetings/${MEETING}/changes/email.html` },
  // a meeting with a time plan (examples/sg99-2026-10): the grid per day and the timeline
  { path: '/meetings/sg99-2026-10', site: true, shot: 'plan-meeting' },
  // the catalog (issue 15): a group's page, a year's, the long-range view
  { path: '/groups/q2-20', site: true },
  { path: '/groups/sg99', site: true },
  { path: '/archive/2018', site: true },
  { path: '/overview', site: true },
];
const SITE = PAGES.filter((p) => p.site);
// Parts that need two dimensions to be understood (the time-plan grid) may scroll inside their
// own box at narrow widths, as WCAG 1.4.10 allows; the page itself
// never does. Selectors, for sideways() and cutOff().
const TWO_DIMENSIONAL = ['.plan-wrap', '.overview-wrap'];
// axe-core (its version pinned in package.json) and the rules it runs: WCAG 2.0 and 2.1, A and AA
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const inLang = (path, lang) => `${BASE}${path}?lang=${lang}`;

let shared = null;
after(async () => {
  if (shared) await (await shared).close().catch(() => {});
});

/** A fresh browser context with `options` (timezoneId, viewport, …). */
async function browser(options = {}) {
  shared ??= chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  return (await shared).newContext({
    acceptDownloads: true,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/Zurich',
    ...options,
  });
}

/** A new page that records console errors, uncaught exceptions and failed requests. */
async function page(context) {
  const p = await context.newPage();
  p.errors = [];
  p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') p.errors.push(`console ${m.type()}: ${m.text()}`); });
  p.on('pageerror', (e) => p.errors.push(`page error: ${e.message}`));
  // the icon is fetched by the browser on its own once a page has loaded, and dropped when the
  // test goes on to the next page first: that is no failure of the page
  const dropped = (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && new URL(r.url()).pathname === '/static/favicon.svg';
  p.on('requestfailed', (r) => { if (r.url().startsWith(BASE) && !dropped(r)) p.errors.push(`failed: ${r.url()} (${r.failure()?.errorText})`); });
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

/** In the page: the visible elements that stick out of the viewport sideways (in a right-to-left
 * page, what sticks out at the right makes no scroll bar, so scrollWidth alone misses it). The
 * skip link and what is only for screen readers are off screen on purpose; what is inside a
 * two-dimensional part (`exempt`) may scroll in it. */
function sideways(exempt = []) {
  const width = document.documentElement.clientWidth;
  const inside = exempt.map((sel) => `${sel} *`);
  return [...document.body.querySelectorAll('*')]
    .filter((el) => !el.closest('.skip, .visually-hidden, table.events thead'))
    .filter((el) => !inside.some((sel) => el.matches(sel)))
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > width + 0.5);
    })
    .map((el) => `<${el.localName} class="${el.className}"> ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
}

/** In the page: the visible elements whose content does not fit in their box and is cut off or
 * scrolls inside it (lost at high zoom). Form fields scroll their own text; a two-dimensional
 * part (`exempt`) may scroll. */
function cutOff(exempt = []) {
  return [...document.body.querySelectorAll('*')]
    .filter((el) => !el.closest('.skip, .visually-hidden, table.events thead, input, textarea, select'))
    .filter((el) => !exempt.some((sel) => el.matches(sel)))
    .filter((el) => {
      const s = getComputedStyle(el);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    })
    .map((el) => `<${el.localName} class="${el.className}"> ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
}

test('every page in all six languages at every width: language, direction, reflow, axe-core, no errors', async () => {
  const violations = [];
  for (const { name, viewport, deviceScaleFactor, axe } of WIDTHS) {
    const context = await browser({ viewport, deviceScaleFactor });
    // axe-core goes in as the browser's own script at the start of each document, which the
    // pages' Content-Security-Policy (no inline script) does not govern: the pages are checked
    // under their real policy, and what it blocks still fails below as an error
    if (axe) await context.addInitScript({ content: AXE });
    const p = await page(context);
    for (const [lang, htmlLang, dir] of LANGS) {
      for (const { path } of PAGES) {
        const url = inLang(path, lang);
        const at = `${url} at ${name}`;
        const res = await p.goto(url);
        assert.equal(res.status(), 200, url);
        assert.equal(await p.getAttribute('html', 'lang'), htmlLang, url);
        assert.equal(await p.getAttribute('html', 'dir'), dir, url);
        assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).direction), dir, url);
        // WCAG 1.4.10: no scrolling sideways, nothing out of sight or cut off
        const { scrollWidth, clientWidth } = await p.evaluate(() => {
          const d = document.documentElement;
          return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth };
        });
        assert.ok(scrollWidth <= clientWidth, `${at} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
        assert.deepEqual(await p.evaluate(sideways, TWO_DIMENSIONAL), [], `${at}: sticks out`);
        assert.deepEqual(await p.evaluate(cutOff, TWO_DIMENSIONAL), [], `${at}: cut off`);
        // every violation of every page is collected, to be told all at once at the end
        if (axe) {
          const found = await p.evaluate((tags) => window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations'],
          }), AXE_TAGS);
          for (const v of found.violations) {
            for (const n of v.nodes) violations.push(`${v.id} (${v.impact}) on ${path} in ${lang} at ${name}: ${n.target.join(' ')}`);
          }
        }
        assert.deepEqual(p.errors.splice(0), [], at);
      }
    }
    assert.deepEqual(p.errors, []);
  }
  assert.deepEqual(violations, [], `${violations.length} axe-core violations:\n${violations.join('\n')}`);
});

/** In the page: where the parts that show a page's direction are (each a DOMRect's edges). */
function layout() {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; };
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('h1'));
  const lines = [...range.getClientRects()];
  const one = (selector) => { const el = document.querySelector(selector); return el && box(el); };
  return {
    width: document.documentElement.clientWidth,
    home: one('header.site .home'),
    langs: [...document.querySelectorAll('nav.langs li')].map(box),
    h1: { left: Math.min(...lines.map((r) => r.left)), right: Math.max(...lines.map((r) => r.right)) },
    firstColumn: one('table.events thead th'),
    feedButton: one('ul.feeds .button'),
    serviceButton: one('ul.services .button'),
    qr: one('.qr-code svg'),
  };
}

test('the Arabic pages are the mirror image of the English ones', async () => {
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const p = await page(await browser({ viewport }));
    for (const { path } of SITE) {
      const at = `${path} at ${name} width`;
      await p.goto(inLang(path, 'en'));
      const en = await p.evaluate(layout);
      await p.keyboard.press('Tab');
      const enSkip = await p.locator('a.skip').boundingBox();
      await p.goto(inLang(path, 'ar'));
      assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl', at);
      const ar = await p.evaluate(layout);
      const w = ar.width;
      // where English starts at the left edge, Arabic starts at the right edge: the distance of
      // a part's start edge from the right equals the English one's from the left (or the same
      // for its end edge)
      const starts = (what, a, e) => assert.ok(Math.abs((w - a.right) - e.left) < 1, `${at}: ${what} starts ${w - a.right}px from the right, in English ${e.left}px from the left`);
      const ends = (what, a, e) => assert.ok(Math.abs(a.left - (w - e.right)) < 1, `${at}: ${what} ends ${a.left}px from the left, in English ${w - e.right}px from the right`);
      starts('the site name', ar.home, en.home);
      starts('the heading', ar.h1, en.h1);
      // the language switch, whose names are the same in every language, is mirrored item by
      // item: Arabic, the first in ITU's order, is the rightmost
      assert.equal(ar.langs.length, 6);
      ar.langs.forEach((a, i) => { starts(`language ${i + 1}`, a, en.langs[i]); ends(`language ${i + 1}`, a, en.langs[i]); });
      assert.ok(ar.langs.every((a) => a.right <= ar.langs[0].right + 0.5), `${at}: Arabic is not the rightmost language`);
      if (name === 'desktop') {
        // the site name at the right of the language switch, on one line
        assert.ok(ar.home.left > ar.langs[0].right, `${at}: the site name is not right of the languages`);
        if (en.firstColumn) starts('the programme\'s first column', ar.firstColumn, en.firstColumn);
        if (en.feedButton) ends('the first subscribe button', ar.feedButton, en.feedButton);
        if (en.serviceButton) starts('the Google button', ar.serviceButton, en.serviceButton);
        if (en.qr) starts('the QR code', ar.qr, en.qr);
      }
      // the skip link waits beyond the right edge, and shows at the right edge when focused
      const skip = await p.locator('a.skip').boundingBox();
      assert.ok(skip.x >= w, `${at}: skip link at ${skip.x}`);
      await p.keyboard.press('Tab');
      assert.equal(await p.evaluate(() => document.activeElement.className), 'skip', at);
      const shown = await p.locator('a.skip').boundingBox();
      assert.ok(Math.abs((w - (shown.x + shown.width)) - enSkip.x) < 1, `${at}: focused skip link at ${shown.x}..${shown.x + shown.width}`);
    }
    assert.deepEqual(p.errors, []);
  }
});

/** In the page: whether `text` (spaces aside) is laid out left to right, character after
 * character, in every element matching `selector` that holds it (and at least one does). */
function readsLeftToRight([selector, text]) {
  const want = text.replace(/\s/g, '');
  const holders = [...document.querySelectorAll(selector)].map((el) => {
    const chars = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (/[\s\u2066-\u2069]/.test(node.data[i])) continue; // spaces, directional isolates
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        chars.push([node.data[i], range.getBoundingClientRect().left]);
      }
    }
    const at = chars.map(([c]) => c).join('').indexOf(want);
    return at < 0 ? null : chars.slice(at, at + want.length).map(([, x]) => x);
  }).filter(Boolean);
  return holders.length > 0 && holders.every((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]));
}

test('in Arabic, phone numbers, ".ics" and the feed URL still read left to right', async () => {
  const p = await page(await browser());
  await p.goto(inLang(`/meetings/${MEETING}`, 'ar'));
  for (const spec of [
    ['dl.facts dd', '+41 22 730 6301'], // phone
    ['dl.facts dd', '+41 22 730 5853'], // fax
    ['[data-link="event-ics"]', '.ics'],
    ['[data-link="download"]', '.ics'],
  ]) {
    assert.ok(await p.evaluate(readsLeftToRight, spec), `${spec[0]}: "${spec[1]}" is not laid out left to right`);
  }
  await p.goto(inLang('/subscribe/groups/q2-20', 'ar'));
  assert.ok(await p.evaluate(readsLeftToRight, ['[data-link="download"]', '.ics']));
  assert.equal(await p.evaluate(() => getComputedStyle(document.querySelector('#feed-url')).direction), 'ltr');
  assert.deepEqual(p.errors, []);
});

/** The font families that fontconfig says cover a language (`fc-list :lang=ar family`). */
function fontsFor(lang) {
  return new Set(execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' })
    .split(/[\n,]/).map((f) => f.trim()).filter(Boolean));
}

test('Arabic, Chinese and Russian text is drawn in fonts that have its glyphs', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  /** The families Chromium drew the text of `selector` with. */
  const drawnWith = async (selector) => {
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `no ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  };
  const covered = { ar: fontsFor('ar'), zh: fontsFor('zh-cn'), ru: fontsFor('ru') };
  for (const [lang, covers] of Object.entries(covered)) {
    assert.ok(covers.size > 0, `no font for ${lang}: run.sh installs one`);
  }
  const check = async (lang, selector) => {
    const families = await drawnWith(selector);
    assert.ok(families.length > 0 && families.every((f) => covered[lang].has(f)),
      `${p.url()} ${selector}: drawn with ${families.join(', ')}, fonts for ${lang}: ${[...covered[lang]].join(', ')}`);
  };
  await p.goto(inLang('/', 'ar'));
  for (const selector of ['h1', 'p.lead', 'header.site .home', 'nav.langs a[lang="ar"]']) await check('ar', selector);
  await check('zh', 'nav.langs a[lang="zh-Hans"]');
  await check('ru', 'nav.langs a[lang="ru"]');
  await p.goto(inLang(`/meetings/${MEETING}`, 'ar'));
  for (const selector of ['h1', 'table.events tbody th', 'section[aria-labelledby="about-h"] .text p']) await check('ar', selector);
  await p.goto(inLang('/', 'ru'));
  await check('ru', 'h1');
  assert.deepEqual(p.errors, []);
});

test('the Russian pages are in Russian, and so are the countdowns, in its plural forms', async () => {
  const ctx = await browser();
  const p = await page(ctx);
  for (const { path } of SITE) {
    await p.goto(inLang(path, 'ru'));
    assert.equal(await p.getAttribute('html', 'lang'), 'ru');
    assert.match(await p.textContent('h1'), /[а-яё]/i);
  }
  // today every deadline of the 2018 meeting has passed: the page's own word for it
  await p.goto(inLang(`/meetings/${MEETING}`, 'ru'));
  const passed = await p.getAttribute('body', 'data-t-passed');
  assert.equal(passed, 'истек');
  const countdowns = await p.$$eval('.countdown', (els) => els.map((el) => [el.textContent, el.classList.contains('passed')]));
  assert.equal(countdowns.length, 4);
  assert.deepEqual(countdowns, countdowns.map(() => [passed, true]));
  // before the 11 January 2018 deadline: one day count per Russian plural category
  const late = await page(ctx);
  for (const [now, category, text] of [
    ['2018-01-10T12:00:00+01:00', 'one', 'остался 1 день'],
    ['2017-12-21T12:00:00+01:00', 'one', 'остался 21 день'],
    ['2018-01-08T12:00:00+01:00', 'few', 'осталось 3 дня'],
    ['2018-01-01T12:00:00+01:00', 'many', 'осталось 10 дней'],
  ]) {
    await late.clock.setFixedTime(new Date(now));
    await late.goto(inLang(`/meetings/${MEETING}`, 'ru'));
    const n = Number(text.match(/\d+/)[0]);
    assert.equal(await late.evaluate((n) => new Intl.PluralRules('ru').select(n), n), category, text);
    assert.equal((await late.getAttribute('body', `data-t-days-left-${category}`)).replace('{n}', n), text);
    assert.equal(await late.textContent('.countdown[data-deadline="2018-01-11"]'), text, now);
  }
  assert.deepEqual([...p.errors, ...late.errors], []);
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
  const q2 = `${BASE}/feeds/groups/q2-20.zh.ics`;
  assert.equal(await href(p, 'google'), `https://calendar.google.com/calendar/r?cid=${enc(`webcal://${HOST}/feeds/groups/q2-20.zh.ics`)}`);
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
  assert.equal(await p.inputValue('#feed-url'), `${BASE}/feeds/all.zh.ics?kind=meeting,deadline&group=q2-20`);
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
  // the seed (January 2018) and the example with a time plan (October 2026), soonest first
  assert.equal(await p.locator('#meetings-upcoming li').count(), 2);
  assert.match(await p.textContent('#meetings-upcoming li >> nth=0'), /2018/);
  assert.equal(await p.locator('#meetings-past').count(), 0);
  assert.equal((await p.textContent('#meetings-upcoming-h')).trim(), 'Upcoming');
  const later = await page(ctx);
  await later.clock.setFixedTime(new Date('2019-06-01T12:00:00+02:00'));
  await later.goto(`${BASE}/?lang=zh`);
  assert.equal(await later.locator('#meetings-past li').count(), 1);
  assert.equal(await later.locator('#meetings-upcoming li').count(), 1);
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

/** In the page: the focused element, named by a selector (`#id`, `input[name="…"][value="…"]`,
 * `button[data-copy="…"]`, `a[data-link="…"]`, `button[type="…"]`, else its tag and text), and
 * what its focus ring lacks, if anything. A ring is an outline at least 2 px wide with a contrast
 * of 3:1 or more against the white page (WCAG 1.4.11), or a box-shadow; and no box around the
 * element that cuts off what overflows it, nor the viewport's sides, may hide it. */
function focusRing() {
  const el = document.activeElement;
  if (!el || el === document.body) return { key: null };
  const key = el.id ? `#${el.id}`
    : el.localName === 'input' ? `input[name="${el.name}"][value="${el.value}"]`
      : el.dataset.copy ? `button[data-copy="${el.dataset.copy}"]`
        : el.dataset.link ? `${el.localName}[data-link="${el.dataset.link}"]`
          : el.localName === 'button' ? `button[type="${el.type}"]`
            : `${el.localName} "${el.textContent.trim().slice(0, 40)}"`;
  const s = getComputedStyle(el);
  const channels = (color) => (color.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b]
    .map((c) => c / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const color = channels(s.outlineColor);
  const width = parseFloat(s.outlineWidth) || 0;
  const lacks = [];
  if (s.boxShadow === 'none') {
    if (s.outlineStyle === 'none' || width < 2) lacks.push(`outline ${s.outlineStyle} ${s.outlineWidth}`);
    else if (color.length < 3 || color[3] === 0) lacks.push(`outline colour ${s.outlineColor}`);
    else if (1.05 / (luminance(color) + 0.05) < 3) lacks.push(`outline contrast ${(1.05 / (luminance(color) + 0.05)).toFixed(2)}`);
  }
  const grow = Math.max(0, width + (parseFloat(s.outlineOffset) || 0));
  const r = el.getBoundingClientRect();
  const ring = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
  const within = (box) => ring.left >= box.left - 0.5 && ring.right <= box.right + 0.5 && ring.top >= box.top - 0.5 && ring.bottom <= box.bottom + 0.5;
  for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
    const as = getComputedStyle(a);
    if ((as.overflowX !== 'visible' || as.overflowY !== 'visible') && !within(a.getBoundingClientRect())) {
      lacks.push(`cut off by <${a.localName} class="${a.className}">`);
    }
  }
  const view = document.documentElement;
  if (!within({ left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight })) lacks.push('outside the viewport');
  return { key, lacks };
}

test('every Tab stop of every page shows a focus ring, in English and in Arabic', async () => {
  const p = await page(await browser());
  const missing = [];
  for (const lang of ['en', 'ar']) {
    for (const { path } of SITE) {
      await p.goto(inLang(path, lang));
      let stops = 0;
      let first = null;
      // (the example meeting with a time plan has some 350: four add links per session)
      for (; stops < 1000; stops++) {
        await p.keyboard.press('Tab');
        const f = await p.evaluate(focusRing);
        // past the last stop, focus leaves the page (or comes round to the first one again)
        if (!f.key || f.key === first) break;
        first ??= f.key;
        if (f.lacks.length) missing.push(`${path} in ${lang}, stop ${stops + 1} (${f.key}): ${f.lacks.join(', ')}`);
      }
      assert.ok(stops > 10 && stops < 1000, `${path} in ${lang}: ${stops} Tab stops`);
    }
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(p.errors, []);
});

test('the subscribe builder and the copy button work with the keyboard alone', async () => {
  const ctx = await browser();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const p = await page(ctx);
  await p.goto(`${BASE}/subscribe/all`);
  // the controls in the order Tab reaches them: the feed URL and its copy button, each box of
  // the builder, the language (a group of radio buttons is one stop, the checked one), the
  // "update links" button
  const boxes = await p.$$eval('#builder input[type="checkbox"]', (els) => els.map((e) => `input[name="${e.name}"][value="${e.value}"]`));
  assert.ok(boxes.length >= 8, boxes.join(' '));
  const controls = ['#feed-url', 'button[data-copy="feed-url"]', ...boxes, 'input[name="lang"][value="en"]', 'button[type="submit"]'];
  const focused = () => p.evaluate(focusRing);
  const press = async (key) => { await p.keyboard.press(key); return focused(); };
  /** `key` pressed makes the builder fetch its page for the new choice and swap the links in. */
  const updates = async (key) => {
    const [res] = await Promise.all([
      p.waitForResponse((r) => r.request().resourceType() === 'fetch' && r.url().startsWith(`${BASE}/subscribe/all`)),
      p.keyboard.press(key),
    ]);
    await p.waitForURL(res.url());
    return res.url();
  };
  /** `key` pressed on the copy button puts the feed URL on the clipboard and says so. */
  const copies = async (key) => {
    await p.evaluate(() => { document.querySelector('[data-copy-status]').textContent = ''; return navigator.clipboard.writeText(''); });
    await p.keyboard.press(key);
    await p.waitForFunction(() => document.querySelector('[data-copy-status]').textContent.length > 0);
    assert.equal(await p.textContent('[data-copy-status]'), 'Copied', key);
    assert.equal(await p.evaluate(() => navigator.clipboard.readText()), await p.inputValue('#feed-url'), key);
  };

  // from the top of the page, Tab by Tab, to the feed URL
  let f = await press('Tab');
  for (let i = 0; f.key !== controls[0]; i++) {
    assert.ok(f.key && i < 30, `the feed URL is not reached by Tab (at ${f.key})`);
    f = await press('Tab');
  }
  for (const control of controls) {
    assert.equal(f.key, control, 'Tab order');
    assert.deepEqual(f.lacks, [], `${control}: focus ring`);
    if (control === 'button[data-copy="feed-url"]') {
      await copies('Enter');
      await copies('Space');
      assert.equal((await focused()).key, control, 'the copy button keeps the focus');
    } else if (boxes.includes(control)) {
      // Space checks the box, and the links follow
      const value = control.match(/value="([^"]+)"/)[1];
      assert.equal(await p.isChecked(`#builder ${control}`), false, control);
      assert.match(await updates('Space'), new RegExp(`[=,]${value}(,|&|$)`), control);
      assert.equal(await p.isChecked(`#builder ${control}`), true, `${control}: Space did not check it`);
    } else if (control === 'button[type="submit"]') {
      // Enter and Space each update the links (the page script fetches them; without it, the
      // form reloads the page)
      await p.evaluate(() => { document.querySelector('.builder-status').textContent = ''; });
      await updates('Enter');
      await p.waitForFunction(() => document.querySelector('.builder-status').textContent.length > 0);
      await p.evaluate(() => { document.querySelector('.builder-status').textContent = ''; });
      await updates('Space');
      await p.waitForFunction(() => document.querySelector('.builder-status').textContent.length > 0);
    }
    if (control !== controls.at(-1)) f = await press('Tab');
  }
  // back to the language, and the arrow keys choose another: the page loads in it, the boxes kept
  f = await press('Shift+Tab');
  assert.equal(f.key, 'input[name="lang"][value="en"]');
  await Promise.all([p.waitForURL(/[?&]lang=fr(&|$)/), p.keyboard.press('ArrowDown')]);
  assert.equal(await p.getAttribute('html', 'lang'), 'fr');
  assert.ok(await p.isChecked('#builder input[name="lang"][value="fr"]'));
  for (const box of boxes) assert.ok(await p.isChecked(`#builder ${box}`), box);
  assert.deepEqual(p.errors, []);
});

test('screenshots of the pages at desktop and phone width', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const ctx = await browser({ viewport, timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
    const p = await page(ctx);
    await p.clock.setFixedTime(new Date('2018-01-01T10:00:00+01:00'));
    // English, and the subscribe page in Chinese; then Arabic at both widths, Russian on desktop
    const shots = [['index', '/'], ['meeting', `/meetings/${MEETING}`], ['subscribe', '/subscribe/groups/q2-20?lang=zh'],
      ['plan-meeting', '/meetings/sg99-2026-10']]
      .map(([file, path]) => [`${file}-${name}`, `${BASE}${path}`]);
    for (const lang of name === 'desktop' ? ['ar', 'ru'] : ['ar']) {
      for (const { shot, path } of PAGES.filter((x) => x.shot)) shots.push([`${shot}-${lang}-${name}`, inLang(path, lang)]);
    }
    for (const [file, url] of shots) {
      await p.goto(url);
      await p.evaluate(() => document.fonts.ready);
      await p.screenshot({ path: join(SHOTS, `${file}.png`), fullPage: true });
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
