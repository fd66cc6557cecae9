// The web page in a real browser: builds a store from the seed articles with `communique ingest`,
// starts `communique serve` on a free loopback port, and drives Debian's chromium (headless,
// through playwright-core from web/node_modules): the page loads, filtering to the CSTO shows
// only CSTO events and its profile, an event's evidence opens with source, verb and target
// marked, and the page fits a phone-width window. Screenshots go to --out for a human to look at.
//
// node page_test.mjs --communique BIN --seeds DIR --web-root web/ --out DIR
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    communique: { type: 'string' },
    seeds: { type: 'string' },
    'web-root': { type: 'string' },
    out: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
for (const k of ['communique', 'seeds', 'web-root', 'out']) {
  if (!args[k]) throw new Error(`missing --${k}`);
}
const webRoot = resolve(args['web-root']);
const require = createRequire(join(webRoot, 'package.json'));
const { chromium } = require('playwright-core');

const failures = [];
function check(ok, message) {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}

const work = mkdtempSync(join(tmpdir(), 'communique-browser-'));
const db = join(work, 'seeds.db');
mkdirSync(args.out, { recursive: true });

let server;
let context;
try {
  // 1. The store, made from the seeds by the real pipeline.
  const ingest = spawnSync(args.communique, ['ingest', args.seeds, '--db', db], { encoding: 'utf8' });
  if (ingest.status !== 0 && ingest.status !== 1) {
    throw new Error(`communique ingest failed (${ingest.status}):\n${ingest.stdout}\n${ingest.stderr}`);
  }

  // 2. The server on a port of the system's choosing; its first line says which.
  server = spawn(args.communique, ['serve', '--db', db, '--port', '0', '--web', join(webRoot, 'dist')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let serverErr = '';
  server.stderr.on('data', (d) => { serverErr += d; });
  const base = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}\n${serverErr}`)), 20000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    server.on('exit', (code) => fail(new Error(`serve exited with ${code}:\n${out}\n${serverErr}`)));
  });
  console.log(`serving ${base}`);

  // 3. Chromium, headless, with a fresh profile and no network besides loopback.
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: args.chromium,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) pageErrors.push(`request outside the server: ${r.url()}`);
  });

  await page.goto(base);
  await page.waitForSelector('#events tbody tr[data-event]', { timeout: 20000 });
  const allRows = await page.locator('#events tbody tr[data-event]').count();
  check(allRows > 0, `the page lists events on load (${allRows} rows)`);
  await page.waitForSelector('#timeline canvas', { timeout: 10000 });
  check(true, 'the timeline chart is drawn');
  await page.waitForSelector('#network canvas', { timeout: 10000 });
  check(true, 'the dyad network is drawn');

  // 4. Filter to the CSTO by typing its name, as a reader would.
  await page.fill('input[name=actor]', 'CSTO');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelector('input[name=actor]').value === 'IGOEURCSTO', null, { timeout: 10000 });
  check(true, 'the actor "CSTO" resolves to the code IGOEURCSTO');
  await page.waitForFunction(() => /actor=IGOEURCSTO/.test(document.querySelector('#status').textContent), null, { timeout: 10000 });
  const rows = await page.$$eval('#events tbody tr[data-event]', (trs) => trs.map((tr) => ({
    codes: [...tr.querySelectorAll('code')].map((c) => c.textContent),
    text: tr.textContent,
  })));
  check(rows.length > 0, `CSTO events are listed (${rows.length})`);
  check(rows.every((r) => r.codes.some((c) => c.startsWith('IGOEURCSTO'))),
    'every listed event has the CSTO as source or target');
  check((await page.url()).includes('actor=IGOEURCSTO'), 'the address carries the filter');

  await page.waitForSelector('#profile-panel:not([hidden])', { timeout: 10000 });
  const title = await page.textContent('#profile-title');
  check(/IGOEURCSTO/.test(title), `the profile panel shows the organization (${title.trim()})`);
  const timeline = await page.locator('ol.timeline li').count();
  check(timeline > 0, `the organization timeline has entries (${timeline})`);

  await page.screenshot({ path: join(args.out, 'page-1280.png'), fullPage: true });

  // 5. Open the evidence of an event that names the CSTO in its sentence.
  await page.locator('#events tbody tr[data-event]').first().click();
  await page.waitForSelector('#evidence[open] #evidence-sentence mark', { timeout: 10000 });
  const evidence = await page.$eval('#evidence-sentence', (q) => ({
    text: q.textContent,
    marks: [...q.querySelectorAll('mark')].map((m) => ({ role: m.className, text: m.textContent })),
  }));
  const rowTitle = await page.locator('#events tbody tr[data-event]').first().getAttribute('title');
  check(evidence.text.length > 20, `the evidence sentence is shown: "${evidence.text.slice(0, 90)}…"`);
  check(evidence.marks.length >= 2, `source/verb/target are highlighted (${evidence.marks.map((m) => `${m.role}="${m.text}"`).join(', ')})`);
  check(evidence.marks.every((m) => ['source', 'verb', 'target'].includes(m.role) && evidence.text.includes(m.text)),
    'every highlight is a source, verb or target span of the sentence');
  check(evidence.marks.some((m) => /CSTO|Collective Security Treaty|Organization|organization/.test(m.text)),
    'the CSTO is one of the highlighted actors');
  check(rowTitle && evidence.text.trim() === rowTitle.trim(), 'the dialog shows the sentence of the clicked row');
  const link = await page.$eval('#evidence-link', (a) => ({ href: a.getAttribute('href'), hidden: a.hidden }));
  check(link.hidden || /^https?:\/\//.test(link.href), `the article link is a web address (${link.hidden ? 'none for this article' : link.href})`);
  await page.click('#evidence-document summary');
  await page.waitForSelector('#document-text mark.sentence', { timeout: 10000 });
  const docMarks = await page.locator('#document-text mark.sentence').count();
  check(docMarks > 0, `the whole document opens with its event sentences marked (${docMarks})`);
  await page.screenshot({ path: join(args.out, 'evidence-1280.png') });
  await page.keyboard.press('Escape');

  // 6. Phone width: nothing wider than the window, table still usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(400);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 392, `no horizontal scrolling at 390 px (page is ${overflow} px wide)`);
  await page.screenshot({ path: join(args.out, 'page-390.png'), fullPage: true });
  await page.locator('#events tbody tr[data-event]').first().click();
  await page.waitForSelector('#evidence[open] #evidence-sentence mark', { timeout: 10000 });
  const dialogBox = await page.locator('#evidence').boundingBox();
  check(dialogBox && dialogBox.width <= 390, `the evidence dialog fits the phone width (${dialogBox && Math.round(dialogBox.width)} px)`);
  await page.screenshot({ path: join(args.out, 'evidence-390.png') });

  check(pageErrors.length === 0, `no script errors or outside requests${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`);
} catch (e) {
  failures.push(e.stack || String(e));
  console.log(`FAIL ${e.stack || e}`);
} finally {
  if (context) await context.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((ok) => { server.on('exit', ok); setTimeout(ok, 3000); });
  }
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.log(`\n${failures.length} check(s) failed`);
  process.exit(1);
}
console.log(`\nall checks passed; screenshots in ${args.out}`);
