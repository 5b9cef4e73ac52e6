/*
 * The report in a real browser: Debian's chromium driven by playwright-core. The setup installs
 * chromium with apt when it is missing (as root); where it cannot, the tests say they were skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marmot } from '../helpers/cli.js';
import { ROOT } from '../helpers/shared.js';
import { HEADER_27, row27, scratch } from '../helpers/temp.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');

function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.getuid?.() !== 0) return 'not root, so chromium cannot be installed with apt';
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 300_000 });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) return 'apt-get could not install chromium';
  return null;
}

const why = ensureChromium();
if (why) console.warn(`SKIPPED: browser tests of the report — ${why}`);
const suite = why ? describe.skip : describe;

suite('marmot report in Chromium', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUT, { recursive: true });
  }, 120_000);
  afterAll(async () => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    const failed: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e: Error) => errors.push(e.message));
    page.on('request', (r: { url(): string }) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    page.on('requestfailed', (r: { url(): string }) => failed.push(r.url()));
    page.on('dialog', async (d: { message(): string; dismiss(): Promise<void> }) => { dialogs.push(d.message()); await d.dismiss(); });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, requests, failed, dialogs };
  }

  it('opens the report of fixtures/luton.csv from disk: no console errors, no requests, a section with a chart for each principle', async () => {
    const file = join(OUT, 'report.html');
    expect(marmot(['report', 'fixtures/luton.csv', '--area', 'Luton', '-o', file, '-q']).status).toBe(0);
    const { page, errors, requests, failed } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(failed).toEqual([]);
    for (const id of ['best-start', 'capabilities', 'fair-employment', 'living-standard', 'healthy-places', 'prevention', 'discrimination', 'sustainability']) {
      expect(await page.locator(`section#p-${id}, section:has(h2#p-${id})`).locator('svg').count(), id).toBeGreaterThan(0);
    }
    expect(await page.locator('h2#summary').count()).toBe(1);
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: false });
    await page.close();
  }, 120_000);

  it('a page with hostile names runs nothing and shows the names as text', async () => {
    const dir = scratch({});
    const lines = [HEADER_27,
      row27({ id: '90366', name: '<script>window.__pwned = 1</script>', area: 'E92000001', areaName: 'England', parent: '', value: '80', lo: '79', hi: '81' }),
      row27({ id: '90366', name: '<script>window.__pwned = 1</script>', areaName: '"><img src=x onerror="window.__pwned=2">', value: '78', lo: '77', hi: '79' }),
      row27({ id: '90366', name: '<script>window.__pwned = 1</script>', areaName: '"><img src=x onerror="window.__pwned=2">', period: '2018', value: '77', lo: '76', hi: '78' }),
    ];
    writeFileSync(join(dir, 'hostile.csv'), lines.join('\n'));
    const file = join(OUT, 'report-hostile.html');
    expect(marmot(['report', join(dir, 'hostile.csv'), '-o', file, '-q']).status).toBe(0);
    const { page, errors, requests, dialogs } = await open(file);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.textContent('body')).toContain('<script>window.__pwned = 1</script>');
    await page.close();
  }, 120_000);
});

// The Markdown document needs no browser.
describe('marmot report --format md', () => {
  it('writes a document with a table per principle, the gaps and notes on method', () => {
    const r = marmot(['report', 'fixtures/luton.csv', '--area', 'Luton', '--format', 'md', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Marmot baseline: Luton \(E06000032\)/);
    expect(r.stdout).toMatch(/## 8\. Pursue environmental sustainability and health equity together \(sustainability\)/);
    expect(r.stdout).toMatch(/## Inequality gaps/);
    expect(r.stdout).toMatch(/## Notes on method and sources/);
  });
  it('with --since, shows the change since the baseline snapshot', () => {
    const dir = scratch({});
    marmot(['snapshot', 'fixtures/luton.csv', '--area', 'Luton', '-o', join(dir, 'base.json'), '-q']);
    const r = marmot(['report', 'fixtures/luton.csv', '--area', 'Luton', '--format', 'md', '--since', join(dir, 'base.json'), '-q']);
    expect(r.stdout).toMatch(/Change since 2022\/23\./);
    expect(r.stdout).toMatch(/\| Since baseline \|/);
    expect(r.stdout).toMatch(/\| no new data \|/);
  });

  it('an HTML report needs -o', () => {
    const r = marmot(['report', 'fixtures/luton.csv', '--area', 'Luton']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/an HTML report needs -o FILE/);
  });
  it('is deterministic and self-contained: no script, no external reference', () => {
    const dir = scratch({});
    marmot(['report', 'fixtures/luton.csv', '--area', 'Luton', '-o', join(dir, 'a.html'), '-q']);
    marmot(['report', 'fixtures/luton.csv', '--area', 'Luton', '-o', join(dir, 'b.html'), '-q']);
    const a = execFileSync('cat', [join(dir, 'a.html')]).toString();
    expect(execFileSync('cat', [join(dir, 'b.html')]).toString()).toBe(a);
    expect(a).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\(/i);
  });
});
