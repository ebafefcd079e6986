/**
 * End-to-end tests of the playground (issue 5): the production build, served on a loopback port,
 * driven in Debian's headless Chromium by playwright-core. A missing browser is a failure, not a
 * skip: run .ci/install-chromium.sh first.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** Debian's Chromium by default; another build with the environment variable CHROMIUM. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The flags this machine needs (see the environment notes): no sandbox as root, no background network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const SCREENSHOT = path.join(ROOT, 'docs', 'playground.png');

const SEED = fs.readFileSync(path.join(ROOT, 'examples', 'seed-contract.clause'), 'utf8').trim();
const TYPO = SEED.replace('the end of the second month', 'the end of the secnd month');

jest.setTimeout(60_000);

let outDir = '';
let server: Server | null = null;
let url = '';
let browser: Browser | null = null;
let context: BrowserContext;
let page: Page;
const external: string[] = [];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A static file server for the build, on a free loopback port. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const s = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve({ server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/` })));
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's chromium (run .ci/install-chromium.sh). They fail rather than skip.`);
  }
  if (!fs.existsSync(path.join(ROOT, 'grammar', 'clause.generated.ts'))) {
    execFileSync('npm', ['run', '--silent', 'grammar'], { cwd: ROOT, stdio: 'inherit' });
  }
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clause-playground-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'playground/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  ({ server, url } = await serve(outDir));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Everything is bundled: any request that leaves the loopback server is recorded and refused.
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(url)) return route.continue();
    external.push(target);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  (globalThis as { pageProblems?: string[] }).pageProblems = problems;
  await page.goto(url);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

/** Replaces the editor's text as a paste would. */
async function paste(text: string): Promise<void> {
  const editor = page.getByTestId('clause-input');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const editorText = (): Promise<string> => page.evaluate(() => (window as unknown as { clausePlayground: { editor: { view: { state: { doc: { toString(): string } } } } } }).clausePlayground.editor.view.state.doc.toString());

test('pasting the seed clause lists its three milestones', async () => {
  await paste(SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="milestones"] tbody tr').length === 3 && !!document.querySelector('#engine-status.ok'));
  const rows = await page.locator('[data-testid="milestones"] tbody tr').allInnerTexts();
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain('$100,000');
  expect(rows[0]).toContain('first contract month');
  expect(rows[1]).toContain('$250,000');
  expect(rows[2]).toContain('$500,000');
  expect(rows[2]).toContain('Section [X]');
  // A milestone's label selects its words in the clause.
  await page.locator('[data-testid="milestones"] tbody tr').nth(1).getByRole('button').click();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('(ii) $250,000 in sales revenue by the end of the second month');
  // The only diagnostic is the placeholder warning.
  const codes = await page.locator('[data-testid="diagnostics"] > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
  expect(codes).toEqual(['placeholder-reference']);
  // Highlighting from the engine's lexer.
  expect(await page.locator('.cm-content .tok-money').count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator('.cm-content .tok-enumerator').count()).toBe(3);
  expect(await page.locator('.cm-content .tok-ordinal').count()).toBe(2);
});

test('a typo is reported with its text and position, underlined, with a gutter marker and a hover hint', async () => {
  await paste(TYPO);
  const first = page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"]');
  await first.waitFor();
  const column = TYPO.indexOf('secnd') + 1;
  expect(await first.getAttribute('data-line')).toBe('1');
  expect(await first.getAttribute('data-column')).toBe(String(column));
  const text = await first.innerText();
  expect(text).toContain("Unexpected word 'secnd'");
  expect(text).toContain("did you mean 'second'?");
  expect(text).toContain(`Line 1, column ${column}`);
  expect(await page.locator('.cm-lint-marker-error').count()).toBe(1);
  const underline = page.locator('.cm-lintRange-error');
  expect(await underline.innerText()).toBe('secnd');
  expect(await page.locator('[data-testid="milestones"]').count()).toBe(0);
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  expect(await tooltip.innerText()).toContain("Hint: did you mean 'second'?");
});

test('the quick fix repairs the typo', async () => {
  // The hover tooltip of the previous test is open: its action applies the diagnostic's fix.
  await page.locator('.cm-tooltip-lint .cm-diagnosticAction').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="milestones"] tbody tr').length === 3);
  expect(await editorText()).toBe(SEED);
  expect(await page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"]').count()).toBe(0);
  // The same fix from the diagnostics list, and clicking a diagnostic selects its range.
  await paste(TYPO);
  const fix = page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"] .diag-fix');
  await fix.waitFor();
  await page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"] .diag-jump').click();
  const selected = await page.evaluate(() => window.getSelection()?.toString());
  expect(selected).toBe('secnd');
  await fix.click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="diagnostics"] > li[data-code="unexpected-token"]'));
  expect(await editorText()).toBe(SEED);
});

test('a sample ledger and schedule give met milestones, obligations and a chart', async () => {
  await page.fill('#effective-date', '2026-01-01');
  await page.fill('#time-zone', 'UTC');
  await page.fill('#as-of', '2026-04-30');
  await page.selectOption('#schedule-sample', 'seed-contract.schedule.json');
  await page.selectOption('#ledger-sample', 'seed-contract-sales.csv');
  await page.locator('[data-testid="results"] tbody tr').nth(2).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="obligations"] tbody tr').length === 2);
  const results = await page.locator('[data-testid="results"] tbody tr').allInnerTexts();
  expect(results[0]).toMatch(/\(i\)[\s\S]*Met[\s\S]*2026-01-22[\s\S]*S-1003/);
  expect(results[1]).toMatch(/\(ii\)[\s\S]*Met[\s\S]*2026-02-26[\s\S]*S-1007/);
  expect(results[2]).toMatch(/\(iii\)[\s\S]*Missed/);
  const obligations = await page.locator('[data-testid="obligations"] tbody tr').allInnerTexts();
  expect(obligations[0]).toMatch(/\(i\)[\s\S]*\$5,000\.00[\s\S]*2026-01-22/);
  expect(obligations[1]).toMatch(/\(ii\)[\s\S]*\$7,500\.00/);
  expect(await page.locator('[data-testid="chart"] svg .met-marker').count()).toBe(2);
  expect(await page.locator('[data-testid="chart"] svg .missed-marker').count()).toBe(1);
  // The chart's running totals agree with the engine's totals.
  const totals = await page.locator('[data-testid="chart"] svg g.milestone').evaluateAll((gs) => gs.map((g) => [Number(g.getAttribute('data-drawn-total')), Number(g.getAttribute('data-total'))]));
  expect(totals).toEqual([[105500, 105500], [258500, 258500], [417500, 417500]]);

  // Row S-1010 is 23:30 on 31 March in New York, already April in UTC.
  await page.fill('#time-zone', 'America/New_York');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="obligations"] tbody tr').length === 3);
  expect(await page.locator('[data-testid="results"] tbody tr').nth(2).innerText()).toMatch(/\(iii\)[\s\S]*Met[\s\S]*2026-03-31[\s\S]*S-1010/);
  expect(await page.locator('[data-testid="obligations"] tbody tr').nth(2).innerText()).toContain('$12,500.00');

  // Downloads: JSON and CSV.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  expect(json.suggestedFilename()).toBe('evaluation.json');
  const report = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
  expect(report.obligations.map((o: { amount: string }) => o.amount)).toEqual(['5000.00', '7500.00', '12500.00']);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const lines = fs.readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toContain('status');
});

/** axe-core's WCAG 2.1 A/AA rules (contrast, labels, names, landmarks) on the page as it is now. */
async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('accessibility: no WCAG 2.1 AA violations found by axe, wide and narrow, with the AST open', async () => {
  await page.locator('.ast-details > summary').click();
  expect(await axeViolations()).toEqual([]);
  await page.setViewportSize({ width: 400, height: 800 });
  expect(await axeViolations()).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.ast-details > summary').click();
});

test('the page is drawn: a screenshot that is not blank, at 1280×800 and on a narrow window', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const shot = await page.screenshot({ fullPage: false });
  const tmp = path.join(os.tmpdir(), `playground-${process.pid}.png`);
  fs.writeFileSync(tmp, shot);
  // The README's picture: the whole page with the evaluation. Written once (or on request), so
  // that test runs do not leave the tree modified.
  if (!fs.existsSync(SCREENSHOT) || process.env.UPDATE_PLAYGROUND_SCREENSHOT === '1') {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }
  // Decode the PNG in the page itself and measure how much the pixels vary.
  const stats = await page.evaluate(async (dataUrl) => {
    const img = new Image();
    img.src = dataUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let sum = 0, sumSq = 0, n = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      const v = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += v;
      sumSq += v * v;
      n++;
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    const mean = sum / n;
    return { width: img.width, height: img.height, variance: sumSq / n - mean * mean, colours: colours.size };
  }, `data:image/png;base64,${shot.toString('base64')}`);
  expect(stats.width).toBe(1280);
  expect(stats.height).toBe(800);
  expect(stats.variance).toBeGreaterThan(100);
  expect(stats.colours).toBeGreaterThan(50);

  await page.setViewportSize({ width: 400, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect((globalThis as { pageProblems?: string[] }).pageProblems).toEqual([]);
  expect(external).toEqual([]);
});

test('the text survives a reload and travels in a share link', async () => {
  await paste(TYPO);
  await page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"]').waitFor();
  await page.reload();
  await page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"]').waitFor();
  expect(await editorText()).toBe(TYPO);
  await paste(SEED);
  await page.locator('[data-testid="milestones"] tbody tr').nth(2).waitFor();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#share');
  await page.waitForFunction(() => location.hash.includes('clause='));
  const shared = page.url();
  const other = await browser!.newContext();
  const second = await other.newPage();
  await second.goto(shared);
  await second.locator('[data-testid="milestones"] tbody tr').nth(2).waitFor();
  expect(await second.locator('[data-testid="milestones"] tbody tr').count()).toBe(3);
  await other.close();
});

test('keyboard: F8 goes to the problem, Ctrl+. fixes it, Tab leaves the editor', async () => {
  await paste(TYPO);
  await page.locator('[data-testid="diagnostics"] > li[data-code="unexpected-token"]').waitFor();
  expect(await axeViolations()).toEqual([]);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('secnd');
  await page.keyboard.press('Control+Period');
  expect(await editorText()).toBe(SEED);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(false);
});

test('the examples menu loads the shipped examples', async () => {
  await page.selectOption('#examples', 'multi-clause');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="milestones"] tbody tr').length === 6);
  expect(await page.locator('.clause-list li').count()).toBe(3);
  const options = await page.locator('#examples option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
  expect(options).toEqual(expect.arrayContaining(['seed-contract', 'seed-headed', 'retail-units', 'multi-clause']));
  await page.selectOption('#examples', 'seed-contract');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="milestones"] tbody tr').length === 3);
});

test('your own ledger file: a bad row is listed with its number, a good file is evaluated', async () => {
  const file = (text: string): { name: string; mimeType: string; buffer: Buffer } => ({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.setInputFiles('#ledger-file', file('id,date,amount\nA-1,2026-01-05,100000\nA-2,2026-02-30,5\n'));
  await page.waitForFunction(() => /Row 2, column date/.test(document.querySelector('#eval-errors')?.textContent ?? ''));
  expect(await page.locator('#eval-status').innerText()).toContain('failed');
  expect(await page.locator('[data-testid="results"]').count()).toBe(0);
  expect(await page.locator('#download-csv').isVisible()).toBe(false);
  // A file dropped on the ledger box is read like a picked one.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['id,date,amount\nD-1,2026-01-03,120000\n'], 'dropped.csv', { type: 'text/csv' }));
    document.getElementById('ledger-drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#ledger-info')?.textContent?.includes('dropped.csv') && document.querySelectorAll('[data-testid="results"] .status-met').length === 1);
  await page.setInputFiles('#ledger-file', file('id,date,amount\nA-1,2026-01-05,100000\nA-2,2026-02-03,150000\nA-3,2026-03-30,250000\n'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="results"] .status-met').length === 3);
  expect(await page.locator('#ledger-info').innerText()).toContain('mine.csv');
  expect(await page.locator('[data-testid="obligations"] tbody tr').nth(2).innerText()).toMatch(/\(iii\)[\s\S]*\$12,500\.00[\s\S]*A-3/);
});
