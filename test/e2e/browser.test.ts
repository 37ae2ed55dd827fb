import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFormatter } from '../../src/formatters/html.js';
import { junitFormatter } from '../../src/formatters/junit.js';
import type { Lang } from '../../src/i18n/types.js';
import { canonicalContext, canonicalReport, HOSTILE_ERROR } from '../formatters/canonical-report.js';
import { launchBrowser } from '../../scripts/browser.mjs';

/*
 * A real browser reads what auditors get: the Chromium that @sparticuz/chromium ships inside its npm
 * package (so a fresh clone needs nothing but `npm ci`), or the one CHROMIUM_PATH names, as
 * scripts/browser.mjs launches it for the fixtures, offline, with JavaScript off (the dossier must need none).
 */
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(tmpdir(), 'dmn-check-html-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
  close: () => Promise<void>;
}

/** Opens the dossier as a file, as an auditor would, recording every request and page error. */
async function open(lang: Lang): Promise<Opened> {
  const file = path.join(dir, `dossier.${lang}.html`);
  writeFileSync(file, htmlFormatter.format(canonicalReport(lang), canonicalContext(lang)));
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  return { page, requests, problems, close: () => context.close() };
}

describe('html dossier in Chromium', () => {
  it('renders the key parts an auditor reads, loading nothing but itself', async () => {
    const { page, requests, problems, close } = await open('en');
    const report = canonicalReport('en');
    try {
      expect(await page.title()).toBe('Conformity dossier — CardioSuivi 4.2.0');
      expect(await page.locator('#verdict strong').innerText()).toBe('FAIL');
      expect(await page.locator('#verdict').isVisible()).toBe(true);
      expect(await page.locator('#meta').innerText()).toContain(report.ruleset.sha256);

      const statuses = await page.locator('#summary table.requirements tbody tr td:nth-child(3)').allInnerTexts();
      expect(statuses).toEqual(['not applicable', 'satisfied', 'failed', 'missing', 'error']);

      const ieu8 = page.locator('#req-IEU-8');
      expect(await ieu8.locator('h2 .badge').innerText()).toBe('failed');
      const ieu8Text = await ieu8.innerText();
      const flow = report.requirements[2]!.slots[0]!.files[0]!;
      expect(ieu8Text).toContain(flow.sha256!);
      expect(ieu8Text).toContain(`expected SHA-256: ${flow.expectedSha256!}`);
      expect(ieu8Text).toContain('dmn-evidence.yaml:21:46');

      const ieu2Text = await page.locator('#req-IEU-2').innerText();
      expect(ieu2Text).toContain(report.requirements[0]!.statement!.justification);
      expect(ieu2Text).toMatch(/Signatory\s+Jeanne Martin \(Présidente\)/);
      expect(ieu2Text).toMatch(/Expires on\s+2027-10-02/);

      // The hostile message shows as text; no element was made of it.
      expect(await page.locator('#req-PORT-1').innerText()).toContain(HOSTILE_ERROR.replace('\u0007', ''));
      expect(await page.locator('w\\:t').count()).toBe(0);

      expect(requests).toEqual([page.url()]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('renders the French dossier in French', async () => {
    const { page, close } = await open('fr');
    try {
      expect(await page.locator('#verdict strong').innerText()).toBe('NON CONFORME');
      expect(await page.locator('#req-IEU-8 h2 .badge').innerText()).toBe('en échec');
      expect(await page.locator('#req-IEU-2').innerText()).toMatch(/Signataire\s+Jeanne Martin/);
    } finally {
      await close();
    }
  });

  it('prints to a PDF, and a screenshot shows the page', async () => {
    const { page, problems, close } = await open('en');
    try {
      const png = await page.screenshot({ fullPage: true });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#verdict').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.length).toBeLessThanOrEqual(8);
      // every page carries the running header and footer, page n / N (issue 16 item 10)
      const { getDocumentProxy, extractText } = await import('unpdf');
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
      text.forEach((t, i) => {
        expect(t).toContain('CardioSuivi 4.2.0 — Exemple Santé SAS');
        expect(t).toContain('as of 2026-11-29');
        expect(t).toContain(`page ${i + 1} / ${text.length}`);
      });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** The slice of the DOM the XML checks use, typed here since the project compiles without the DOM library. */
interface XmlElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  getElementsByTagName(name: string): { length: number; [i: number]: XmlElement | undefined };
}
type Browserish = typeof globalThis & { DOMParser: new () => { parseFromString(src: string, type: string): XmlDocument } };

describe('junit output in a strict XML parser (Chromium)', () => {
  /** The parser error Chromium's XML parser reports, or null when the document is well-formed. */
  async function xmlError(page: Page, xml: string): Promise<string | null> {
    return page.evaluate((src) => {
      const doc = new (globalThis as Browserish).DOMParser().parseFromString(src, 'application/xml');
      return doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    }, xml);
  }

  it('is well-formed, and the hostile message reads back whole', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    try {
      // The parser is strict: it refuses what a careless formatter would write.
      expect(await xmlError(page, '<a>x ]]> y</a>')).not.toBeNull();
      expect(await xmlError(page, '<a b="<"/>')).not.toBeNull();
      expect(await xmlError(page, '<a>\u0007</a>')).not.toBeNull();

      const xml = junitFormatter.format(canonicalReport('en'), canonicalContext('en'));
      expect(await xmlError(page, xml)).toBeNull();
      const back = await page.evaluate((src) => {
        const doc = new (globalThis as Browserish).DOMParser().parseFromString(src, 'application/xml');
        const error = doc.getElementsByTagName('error')[0]!;
        return { cases: doc.getElementsByTagName('testcase').length, message: error.getAttribute('message'), body: error.textContent };
      }, xml);
      expect(back.cases).toBe(5);
      expect(back.message).toContain(HOSTILE_ERROR.replace('\u0007', ''));
      expect(back.body).toContain(HOSTILE_ERROR.replace('\u0007', ''));
    } finally {
      await context.close();
    }
  });
});
