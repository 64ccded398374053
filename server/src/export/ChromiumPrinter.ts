import { AppError } from '@polisee/domain';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Logger } from 'pino';
import { pdfFontFile } from './pdfFonts.js';

export interface PdfSettings {
  /** Debian's Chromium, or the browser the operator names (CHROMIUM_PATH). */
  chromiumPath: string;
  /** PDFs rendered at once; more wait their turn (EXPORT_PDF_CONCURRENCY). */
  concurrency: number;
  /** The bound on one PDF, waiting included (EXPORT_PDF_TIMEOUT_MS). */
  timeoutMs: number;
}

/** Prints our own HTML to PDF. The one thing the export use case needs from a browser. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Flags of a browser that only ever prints our HTML. No sandbox: containers rarely grant the
 * user namespaces it needs, and the page it would confine is built by us with every text
 * escaped, JavaScript off and every request refused. Nothing that phones home.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A page kept open between PDFs, in a context of its own. */
interface WarmPage {
  context: BrowserContext;
  page: Page;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * An unused page is closed after this long: a server that printed one PDF in the morning need
 * not keep a renderer (tens of MB, more after a long document) all day. The next PDF pays for
 * a new context and the font fetches again, a few hundred ms.
 */
const IDLE_PAGE_MS = 60_000;

/**
 * Headless Chromium, launched on the first PDF and kept for the next ones (a launch costs about
 * a second), relaunched if it dies. At most `concurrency` pages print at once: each costs tens of
 * MB and a core while it lays out.
 *
 * Pages are kept warm between PDFs, at most one per concurrent print: a fresh context and page
 * per PDF cost ~0.4 s and a renderer process started and torn down each time, and the fonts
 * fetched and decoded again (decision 0060 has the figures). What made the fresh context safe
 * holds for the warm one: JavaScript is disabled in it, so the previous document leaves no
 * state but its DOM, which `setContent` replaces; every request is refused but our font files,
 * answered from memory. A page that failed or ran out of time is closed, never reused.
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private readonly limit: LimitFunction;
  private idle: WarmPage[] = [];
  private closed = false;

  constructor(
    private readonly settings: PdfSettings,
    private readonly logger: Logger,
  ) {
    this.limit = pLimit(settings.concurrency);
  }

  async print(html: string): Promise<Buffer> {
    if (this.closed) throw new AppError('internal', 'The server is shutting down.');
    const deadline = Date.now() + this.settings.timeoutMs;
    return this.limit(() => {
      const left = deadline - Date.now();
      if (left <= 0) throw timedOut();
      return this.render(html, left);
    });
  }

  private async render(html: string, timeoutMs: number): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), timeoutMs);
    });
    const taking = this.take();
    let warm: WarmPage;
    try {
      warm = await Promise.race([taking, expired]);
    } catch (err) {
      clearTimeout(timer);
      // Out of time while a page was being opened: it goes to the pool when it is ready.
      taking.then((late) => this.release(late)).catch(() => undefined);
      throw err;
    }
    try {
      const pdf = await Promise.race([printOn(warm.page, html, timeoutMs), expired]);
      this.release(warm);
      return pdf;
    } catch (err) {
      // Perhaps still printing, perhaps crashed: closing it stops the work and frees it.
      await discard(warm);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** An idle warm page, or a new one. */
  private async take(): Promise<WarmPage> {
    const warm = this.idle.pop();
    if (warm) {
      if (warm.idleTimer) clearTimeout(warm.idleTimer);
      warm.idleTimer = null;
      return warm;
    }
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => {
        const font = pdfFontFile(route.request().url());
        if (!font) return route.abort();
        return route.fulfill({
          body: font,
          contentType: 'font/woff2',
          // Kept in the renderer's memory cache: the next PDF on this page fetches no font.
          headers: { 'cache-control': 'max-age=31536000', 'access-control-allow-origin': '*' },
        });
      });
      const page = await context.newPage();
      const opened: WarmPage = { context, page, idleTimer: null };
      page.on('crash', () => {
        this.logger.warn('a PDF page crashed; it is closed');
        this.idle = this.idle.filter((w) => w !== opened);
        void discard(opened);
      });
      return opened;
    } catch (err) {
      await context.close().catch(() => undefined);
      throw err;
    }
  }

  private release(warm: WarmPage): void {
    if (this.closed || warm.page.isClosed()) {
      void discard(warm);
      return;
    }
    warm.idleTimer = setTimeout(() => {
      this.idle = this.idle.filter((w) => w !== warm);
      void discard(warm);
    }, IDLE_PAGE_MS);
    warm.idleTimer.unref();
    this.idle.push(warm);
  }

  private launched(): Promise<Browser> {
    // Loaded with the first PDF: playwright-core's code is ~10 MB of heap that a server nobody
    // exports a PDF from never needs.
    this.browser ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: this.settings.chromiumPath,
          headless: true,
          args: CHROMIUM_ARGS,
        }),
      )
      .then((browser) => {
        browser.on('disconnected', () => {
          if (!this.closed)
            this.logger.warn('the PDF browser went away; the next PDF relaunches it');
          this.browser = null;
          // Their pages went with it.
          for (const warm of this.idle.splice(0)) if (warm.idleTimer) clearTimeout(warm.idleTimer);
        });
        return browser;
      })
      .catch((err: unknown) => {
        this.browser = null;
        this.logger.error({ err }, 'the PDF browser did not start');
        throw new AppError('internal', 'PDF export is not available right now.');
      });
    return this.browser;
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    this.limit.clearQueue();
    await Promise.all(this.idle.splice(0).map(discard));
    if (browser) await (await browser.catch(() => null))?.close();
  }
}

/**
 * Answered as "too many requests": the bound is mostly reached while waiting behind other
 * PDFs, and the client then offers to try again later.
 */
function timedOut() {
  return new AppError('rate_limited', 'The PDF took too long to prepare. Try again later.');
}

/** Our HTML as an A4 PDF, on a page that may have printed another document before. */
async function printOn(page: Page, html: string, timeoutMs: number): Promise<Buffer> {
  page.setDefaultTimeout(timeoutMs);
  // `load` waits for the font files the text needs (they delay the load event), so no glyph is
  // printed in a fallback font; the renderers' test checks every font in the PDF is ours.
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    // A tagged PDF (readable by screen readers, reflowable) and bookmarks from the headings.
    tagged: true,
    outline: true,
  });
}

async function discard(warm: WarmPage): Promise<void> {
  if (warm.idleTimer) clearTimeout(warm.idleTimer);
  await warm.context.close().catch(() => undefined);
}
