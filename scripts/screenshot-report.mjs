#!/usr/bin/env node
// Writes docs/report.png, the README's picture of the report: the sample's report opened in
// Debian's chromium (apt-get install chromium) through playwright-core. Run after
// `npx marmot report fixtures/luton.csv --area Luton -o test-output/report.html`.
import { chromium } from 'playwright-core';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
await page.goto(new URL('../test-output/report.html', import.meta.url).href);
await page.screenshot({ path: new URL('../docs/report.png', import.meta.url).pathname });
await browser.close();
