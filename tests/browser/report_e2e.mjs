// End-to-end test of the HTML report in a real browser.
//
//   node report_e2e.mjs REPORT_DIR SCREENSHOT.png
//
// Serves REPORT_DIR on 127.0.0.1 (an ephemeral port, node's http module),
// loads index.html in headless Chromium (Debian's /usr/bin/chromium, or
// $CHROMIUM) driven by playwright-core, and fails (exit 1) when the page
// logs a console error, throws, requests anything that fails or anything off
// 127.0.0.1, or shows an <img> that did not load (naturalWidth 0). Saves a
// full-page screenshot. Exit 0 on success.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [reportDir, screenshot] = process.argv.slice(2);
if (!reportDir || !screenshot) {
  console.error('usage: node report_e2e.mjs REPORT_DIR SCREENSHOT.png');
  process.exit(2);
}
const root = path.resolve(reportDir);
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`report_e2e: ${root}/index.html does not exist; run 'alliance report' first`);
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.tex': 'text/plain; charset=utf-8',
};
const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const file = path.resolve(root, '.' + decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`request off the local server: ${url}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${base}/index.html`, { waitUntil: 'load' });
  if (!response || !response.ok()) problems.push(`index.html: HTTP ${response ? response.status() : 'no response'}`);
  const images = await page.$$eval('img', (imgs) =>
    imgs.map((img) => ({ src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth })));
  if (images.length === 0) problems.push('the page has no figures');
  for (const image of images) {
    if (!image.complete || image.width === 0) problems.push(`figure not loaded: ${image.src}`);
  }
  const summary = await page.$$eval('#summary [data-finding]', (spans) => spans.length);
  if (summary === 0) problems.push('the summary has no numbers');
  fs.mkdirSync(path.dirname(path.resolve(screenshot)), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(`report_e2e: ${images.length} figures loaded, ${summary} summary numbers, screenshot ${screenshot}`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`report_e2e: ${problem}`);
  process.exit(1);
}
