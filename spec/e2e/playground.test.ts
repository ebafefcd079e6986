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
import { formatMoney } from '../../src/values/money';

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
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="obligations"] tbody tr.obligation').length === 2);
  const results = await page.locator('[data-testid="results"] tbody tr').allInnerTexts();
  expect(results[0]).toMatch(/\(i\)[\s\S]*Met[\s\S]*2026-01-22[\s\S]*S-1003/);
  expect(results[1]).toMatch(/\(ii\)[\s\S]*Met[\s\S]*2026-02-26[\s\S]*S-1007/);
  expect(results[2]).toMatch(/\(iii\)[\s\S]*Missed/);
  const obligations = await page.locator('[data-testid="obligations"] tbody tr.obligation').allInnerTexts();
  expect(obligations[0]).toMatch(/\(i\)[\s\S]*\$5,000\.00[\s\S]*2026-01-22/);
  expect(obligations[1]).toMatch(/\(ii\)[\s\S]*\$7,500\.00/);
  expect(await page.locator('[data-testid="chart"] svg .met-marker').count()).toBe(2);
  expect(await page.locator('[data-testid="chart"] svg .missed-marker').count()).toBe(1);
  // The chart's running totals agree with the engine's totals.
  const totals = await page.locator('[data-testid="chart"] svg g.milestone').evaluateAll((gs) => gs.map((g) => [Number(g.getAttribute('data-drawn-total')), Number(g.getAttribute('data-total'))]));
  expect(totals).toEqual([[105500, 105500], [258500, 258500], [417500, 417500]]);

  // Row S-1010 is 23:30 on 31 March in New York, already April in UTC.
  await page.fill('#time-zone', 'America/New_York');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="obligations"] tbody tr.obligation').length === 3);
  expect(await page.locator('[data-testid="results"] tbody tr').nth(2).innerText()).toMatch(/\(iii\)[\s\S]*Met[\s\S]*2026-03-31[\s\S]*S-1010/);
  expect(await page.locator('[data-testid="obligations"] tbody tr.obligation').nth(2).innerText()).toContain('$12,500.00');

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
  expect(await page.locator('[data-testid="obligations"] tbody tr.obligation').nth(2).innerText()).toMatch(/\(iii\)[\s\S]*\$12,500\.00[\s\S]*A-3/);
});

// ---------------------------------------------------------------------------------------------
// Every construct the library reads: highlighting from the lexer's token types, explanations from
// its describe functions, calculation lines, the tier boundaries and the cap in the chart, quick
// fixes, the corpus samples, and the CSV downloads' escaping.

const PAYMENT_MECHANICS = fs.readFileSync(path.join(ROOT, 'examples', 'payment-mechanics.clause'), 'utf8').trim();
/**
 * Computed by hand for examples/payment-mechanics.clause, effective 2026-01-01, as of 2026-03-31 (UTC):
 * (i) each month's net sales in tiers, 5% to $100,000 and 7% above, capped at $15,000 a contract quarter:
 * January 150,000 → $8,500.00; February 140,000 → $7,800.00, capped at the $6,500.00 left; March 740,000
 * → $49,800.00, capped at the $0.00 left; all due 30 days after calendar Q1 (2026-04-30). (ii) 1,030,000 by
 * the end of Q1, met on 2026-02-20: $1,000 × 31 whole $25,000 steps above $250,000 = $31,000.00 (over the
 * $2,500 minimum). (iii) $1,000,000 by the end of year 1, met on 2026-03-20: 1% × 30,000 = $300.00.
 */
const MECHANICS_LEDGER = 'id,date,amount\nA1,2026-01-10,150000\nA2,2026-02-05,80000\nA3,2026-02-20,60000\nA4,2026-03-15,40000\nA5,2026-03-20,700000\n';

/** Waits until the panels are drawn for `text` (the editor's analysis runs 250 ms after the last change). */
async function waitForAnalysis(text: string): Promise<void> {
  await page.waitForFunction((t) => (window as unknown as { clausePlayground: { analysedText(): string | null } }).clausePlayground.analysedText() === t, text.replace(/\r\n?/g, '\n'));
}

/** Loads a clause and a ledger file with a context, and waits for the evaluation's status line. */
async function evaluateWith(clause: string, ledger: string, context: { effective: string; zone: string; asOf: string }): Promise<void> {
  await page.selectOption('#ledger-sample', '');
  await page.fill('#schedule', '');
  await paste(clause);
  await waitForAnalysis(clause);
  expect(await page.locator('#engine-status').getAttribute('class')).toBe('ok');
  await page.fill('#effective-date', context.effective);
  await page.fill('#time-zone', context.zone);
  await page.fill('#as-of', context.asOf);
  await page.setInputFiles('#ledger-file', { name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(ledger) });
  await page.waitForFunction((asOf) => (document.querySelector('#eval-status')?.textContent ?? '').startsWith(`Evaluated as of ${asOf}`), context.asOf);
}

test('highlighting follows the lexer: every token type with a meaning gets a class, drafted amounts are money', async () => {
  const { tokenize } = await import('../../grammar/lexer');
  const text =
    'Launch Bonus. If Reseller generates Net Revenue from sales of the Products in excess of Fifty Thousand Dollars ($50,000) within ninety (90) days after the Effective Date, ' +
    'Vendor shall pay Reseller a one-time launch bonus of Two Thousand Five Hundred Dollars ($2,500).';
  await paste(text);
  await waitForAnalysis(text);
  const plain = new Set(['ws', 'word', 'colon', 'comma', 'semicolon', 'period', 'lparen', 'rparen', 'bullet', 'quote', 'error']);
  const types = [...new Set(tokenize(text).map((t) => t.type ?? ''))].filter((t) => !plain.has(t));
  expect(types).toEqual(expect.arrayContaining(['draftedMoney', 'number', 'in_', 'excess']));
  for (const type of types) {
    const classes = await page.locator(`.cm-content [data-token="${type}"]`).first().getAttribute('class');
    expect(classes).toMatch(/\btok-[a-z]+\b/);
  }
  expect(await page.locator('.cm-content [data-token="draftedMoney"]').first().getAttribute('class')).toContain('tok-money');
  expect(await page.locator('.cm-content [data-token="draftedMoney"]').first().innerText()).toBe('Fifty Thousand Dollars ($50,000)');
});

test('payer-pays and conditional sentences: heading, who pays whom, strict or inclusive comparison', async () => {
  const text =
    'Launch Bonus. If Reseller generates Net Revenue in excess of $50,000 within ninety (90) days after the Effective Date, Vendor shall pay Reseller a bonus of $2,500.\n' +
    '4.2 Performance Bonus. The Company shall pay to the Sales Agent a bonus of $5,000 when Gross Sales during the first year are at least $250,000.';
  await paste(text);
  await waitForAnalysis(text);
  expect(await page.locator('[data-testid="milestones"] tbody tr').count()).toBe(2);
  const clauses = await page.locator('.clause-list li').allInnerTexts();
  expect(clauses[0]).toContain('“Launch Bonus”');
  expect(clauses[0]).toContain('Vendor pays Reseller');
  expect(clauses[0]).toContain('a conditional sentence');
  expect(clauses[1]).toContain('“4.2 Performance Bonus”');
  expect(clauses[1]).toContain('Company pays Sales Agent');
  expect(clauses[1]).toContain('a payer-pays sentence');
  const rows = await page.locator('[data-testid="milestones"] tbody tr').allInnerTexts();
  expect(rows[0]).toContain("more than, strict ('in excess of': a total equal to the target does not meet it)");
  expect(rows[0]).toContain('a bonus of $2,500.00');
  expect(rows[1]).toContain("at least, inclusive ('at least': a total equal to the target meets it)");
  expect(await page.locator('[data-testid="milestones"] .comparison-strict').count()).toBe(1);
});

test('payment mechanics: a calculation line under each obligation, the cap and the due date', async () => {
  await evaluateWith(PAYMENT_MECHANICS, MECHANICS_LEDGER, { effective: '2026-01-01', zone: 'UTC', asOf: '2026-03-31' });
  const rows = page.locator('[data-testid="obligations"] tbody tr.obligation');
  expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-label'), tr.getAttribute('data-period'), tr.getAttribute('data-amount'), tr.getAttribute('data-due-date')]))).toEqual([
    ['i', '1', '8500.00', '2026-04-30'],
    ['i', '2', '6500.00', '2026-04-30'],
    ['i', '3', '0.00', '2026-04-30'],
    ['ii', '', '31000.00', ''],
    ['iii', '', '300.00', ''],
  ]);
  // The line under each obligation is the engine's calculationText.
  const lines = await page.locator('[data-testid="obligations"] tr.calc-line [data-testid="calculation"]').allInnerTexts();
  expect(lines.map((l) => l.replace(/^Calculation\s*/, ''))).toEqual([
    '5% × $100,000.00 + 7% × ($150,000.00 − $100,000.00) = $8,500.00',
    '5% × $100,000.00 + 7% × ($140,000.00 − $100,000.00) = $7,800.00',
    '5% × $100,000.00 + 7% × ($740,000.00 − $100,000.00) = $49,800.00',
    '$1,000.00 × 31 (whole $25,000.00 increments in ($1,030,000.00 − $250,000.00)) = $31,000.00',
    '1% × ($1,030,000.00 − $1,000,000.00) = $300.00',
  ]);
  const limits = page.locator('[data-testid="obligations"] tr.calc-line [data-testid="limit"]');
  expect(await limits.evaluateAll((els) => els.map((e) => e.getAttribute('data-applied')))).toEqual(['none', 'cap', 'cap', 'none']);
  expect(await limits.nth(1).innerText()).toBe('Uncapped $7,800.00; cap $15,000.00 in contract quarter 2026-01-01 to 2026-03-31 ($6,500.00 of it left); the cap applied: $6,500.00.');
  // Month 3 comes after the quarter's cap is used up: nothing is left of it.
  expect(await limits.nth(2).innerText()).toBe('Uncapped $49,800.00; cap $15,000.00 in contract quarter 2026-01-01 to 2026-03-31 ($0.00 of it left); the cap applied: $0.00.');
  expect(await limits.nth(3).innerText()).toContain('minimum $2,500.00; neither changed it.');
  expect(await page.locator('[data-testid="obligations"] tr.calc-line').first().innerText()).toContain('Due 2026-04-30');
});

test('the chart draws the tier boundary, the thresholds, the cap and the minimum as reference lines', async () => {
  // (The evaluation of the previous test is on the page.)
  const refs = await page.locator('[data-testid="chart"] .chart-panel[data-metric="net-revenue"] .ref-line').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-kind')} ${g.getAttribute('data-value')}`));
  // One tier boundary per month window of (i), the increments' threshold of (ii), the excess threshold of (iii) (its target).
  expect(refs).toEqual(['tier-boundary 100000', 'tier-boundary 100000', 'tier-boundary 100000', 'threshold 250000', 'threshold 1000000']);
  expect(await page.locator('[data-testid="chart"] .ref-line.tier-boundary text').first().textContent()).toBe('band 2: 7% above $100,000.00');
  const payments = page.locator('[data-testid="chart"] .payment-panel');
  expect(await payments.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')))).toEqual(['i', 'ii']);
  expect(await payments.nth(0).locator('.ref-line').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-kind')} ${g.getAttribute('data-value')}`))).toEqual(['cap 15000']);
  expect(await payments.nth(1).locator('.ref-line').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-kind')} ${g.getAttribute('data-value')}`))).toEqual(['floor 2500']);
  // The payment lines end at the uncapped amounts the obligations report.
  expect(await payments.nth(0).locator('path.payment').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-uncapped')))).toEqual(['8500.00', '7800.00', '49800.00']);
  expect(await payments.nth(1).locator('path.payment').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-uncapped')))).toEqual(['31000.00']);
  expect(await axeViolations()).toEqual([]);
});

test('warnings show their codes, and every quick fix button gives text that validates', async () => {
  // A warning (tiers that do not say marginal or retroactive) and an error with a quick fix ($1,00).
  const text = PAYMENT_MECHANICS.replace(', on a marginal basis', '').replace('$2,500', '$2,5,00');
  await paste(text);
  await waitForAnalysis(text);
  expect(await page.locator('[data-testid="diagnostics"] > li.diag-warning').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')))).toContain('tier-reading');
  expect(await page.locator('[data-testid="diagnostics"] > li[data-code="tier-reading"] .diag-code').innerText()).toBe('tier-reading');
  // Apply every fix the page offers, one at a time, until none is left; then the text is valid.
  for (let applied = 0; ; applied++) {
    const fix = page.locator('[data-testid="diagnostics"] .diag-fix').first();
    if ((await fix.count()) === 0) {
      expect(applied).toBeGreaterThan(0);
      break;
    }
    const before = await editorText();
    await fix.click();
    // The panels are drawn again for the fixed text before the next fix is looked for.
    await page.waitForFunction((old) => {
      const p = (window as unknown as { clausePlayground: { editor: { view: { state: { doc: { toString(): string } } } }; analysedText(): string | null } }).clausePlayground;
      const now = p.editor.view.state.doc.toString();
      return now !== old && p.analysedText() === now;
    }, before);
  }
  await page.locator('#engine-status.ok').waitFor();
  expect(await page.locator('[data-testid="diagnostics"] > li[data-code="malformed-amount"]').count()).toBe(0);
  const { validate } = await import('../../src/language/check');
  expect(validate(await editorText()).valid).toBe(true);
});

test('the samples with a ledger: each loads its clause, ledger and context, and the page shows the expected figures', async () => {
  const list = JSON.parse(fs.readFileSync(path.join(ROOT, 'playground', 'samples', 'cases.json'), 'utf8')) as { corpus: Array<{ case: string }>; forms: Array<{ file: string }> };
  const { loadCorpus, runCase } = await import('../../bench/corpus');
  const corpus = loadCorpus(path.join(ROOT, 'spec', 'conformance', 'corpus'));
  const forms = loadCorpus(path.join(ROOT, 'playground', 'samples', 'forms'));
  const samples = [
    ...list.corpus.map((s) => ({ name: s.case, c: corpus.find((x) => x.file === `${s.case}.json`) })),
    ...list.forms.map((s) => ({ name: `forms/${s.file}`, c: forms.find((x) => x.file === `${s.file}.json`) })),
  ];
  expect(samples.length).toBeGreaterThanOrEqual(7);
  for (const { name, c } of samples) {
    if (!c) throw new Error(`playground/samples/cases.json names ${name}, which is not there`);
    // Offered because the engine reads it correctly: the case's expected figures, worked by hand.
    expect([name, runCase(c).outcome]).toEqual([name, { kind: 'read-correctly' }]);
    await page.selectOption('#examples', `corpus:${name}`);
    await page.waitForFunction(
      ({ clause, asOf }) => {
        const p = (window as unknown as { clausePlayground: { analysedText(): string | null } }).clausePlayground;
        return p.analysedText() === clause.replace(/\r\n?/g, '\n') && (document.querySelector('#eval-status')?.textContent ?? '').startsWith(`Evaluated as of ${asOf}`);
      },
      { clause: c.clause, asOf: c.context.asOf },
    );
    expect(await page.inputValue('#effective-date')).toBe(c.context.effectiveDate);
    expect(await page.inputValue('#time-zone')).toBe(c.context.timeZone ?? 'UTC');
    expect(await page.locator('#examples').inputValue()).toBe(`corpus:${name}`);
    const milestones = await page.locator('[data-testid="results"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ status: tr.getAttribute('data-status'), total: tr.getAttribute('data-total'), windowStart: tr.getAttribute('data-window-start'), deadline: tr.getAttribute('data-deadline'), achievedAt: tr.getAttribute('data-achieved-at') || null, achievedBy: tr.getAttribute('data-achieved-by') || null })),
    );
    const obligations = await page.locator('[data-testid="obligations"] tbody tr.obligation').evaluateAll((trs) =>
      trs.map((tr) => ({
        amount: tr.getAttribute('data-amount') || null,
        currency: tr.getAttribute('data-currency') || null,
        triggeredAt: tr.getAttribute('data-triggered-at'),
        triggeredBy: tr.getAttribute('data-triggered-by') || null,
        dueDate: tr.getAttribute('data-due-date') || undefined,
        payer: tr.getAttribute('data-payer') || null,
        payee: tr.getAttribute('data-payee') || null,
        direction: tr.getAttribute('data-direction'),
        text: (tr as HTMLElement).innerText,
      })),
    );
    const expected = c.expected;
    expect([name, milestones.length]).toEqual([name, (expected.milestones ?? milestones).length]);
    expect([name, obligations.length]).toEqual([name, (expected.obligations ?? obligations).length]);
    const decimal = (v: unknown): unknown => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
    (expected.milestones ?? []).forEach((m, i) => {
      for (const key of ['status', 'total', 'windowStart', 'deadline', 'achievedAt', 'achievedBy'] as const) {
        if (key in m) expect([name, i, key, decimal(milestones[i][key])]).toEqual([name, i, key, decimal(m[key])]);
      }
    });
    (expected.obligations ?? []).forEach((o, i) => {
      for (const key of ['amount', 'currency', 'triggeredAt', 'triggeredBy', 'dueDate', 'payer', 'payee', 'direction'] as const) {
        if (key in o) expect([name, i, key, decimal(obligations[i][key])]).toEqual([name, i, key, decimal(o[key])]);
      }
      // The figure a reader sees: the amount with its currency's symbol and grouping.
      if (typeof o.amount === 'string') expect(obligations[i].text).toContain(formatMoney(o.amount, String(o.currency ?? 'USD')));
    });
  }
});

test('the CSV downloads escape commas, quotes and formula-like text, and read back to the report', async () => {
  // Row ids with a comma, quotes and a leading '=' (a formula to a spreadsheet); a product name with a comma.
  const clause =
    'The Seller agrees to meet the following sales milestones: (i) 10 units of "Widget, Large" by the end of the first month, for a bonus of $1,000, and ' +
    '(ii) $5,000 in sales revenue by the end of the second month, for a bonus of $2,000.';
  const ledger = 'id,date,amount,units,product\n"INV ""7"", north",2026-01-05,3000,10,"Widget, Large"\n=SUM(A1),2026-02-03,2500,1,Other\n';
  await evaluateWith(clause, ledger, { effective: '2026-01-01', zone: 'UTC', asOf: '2026-03-31' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="obligations"] tbody tr.obligation').length === 2);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const report = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { obligations: Array<Record<string, unknown>>; milestones: Array<Record<string, unknown>> };
  expect(report.obligations.map((o) => o.triggeredBy)).toEqual(['INV "7", north', '=SUM(A1)']);
  const Papa = (await import('papaparse')).default;
  const { csvTextValue } = await import('../../src/csv-output');
  const read = async (button: string): Promise<{ text: string; rows: Array<Record<string, string>> }> => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    return { text, rows: Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data };
  };
  const obligations = await read('#download-obligations-csv');
  expect(obligations.text).toContain('"INV ""7"", north"');
  expect(obligations.text).toContain("'=SUM(A1)");
  expect(obligations.rows).toHaveLength(2);
  obligations.rows.forEach((row, i) => {
    const o = report.obligations[i];
    for (const field of ['label', 'amount', 'currency', 'payer', 'payee', 'direction', 'triggeredAt', 'triggeredBy', 'basis', 'explanation']) {
      expect([field, csvTextValue(row[field])]).toEqual([field, o[field] === null ? '' : String(o[field])]);
    }
  });
  const milestones = await read('#download-csv');
  expect(milestones.text).toContain('"Widget, Large"');
  expect(milestones.rows.map((r) => [r.label, r.product, csvTextValue(r.achievedBy)])).toEqual([
    ['i', 'Widget, Large', 'INV "7", north'],
    ['ii', '', '=SUM(A1)'],
  ]);
});
