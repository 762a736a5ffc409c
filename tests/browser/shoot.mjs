// A screenshot of the first screen of one page, for the README's pictures of data the browser tests do not serve
// (the long-range view on bench/gen.py's catalog):
//   node tests/browser/shoot.mjs URL OUT.png [WIDTH]
// With the same Chromium and flags as pages.test.mjs (after tests/browser/run.sh installed it).
import { chromium } from 'playwright-core';

const [url, out, width = '1280'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tests/browser/shoot.mjs URL OUT.png [WIDTH]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url);
// the first screen: the picture, not the whole table below it
await page.screenshot({ path: out });
await browser.close();
