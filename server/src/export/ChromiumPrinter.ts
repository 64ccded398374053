import { AppError } from '@polisee/domain';
import pLimit, { type LimitFunction } from 'p-limit';
import { chromium, type Browser } from 'playwright-core';
import type { Logger } from 'pino';

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

/**
 * Headless Chromium, launched on the first PDF and kept for the next ones (a launch costs about
 * a second), relaunched if it dies. At most `concurrency` pages print at once: each costs tens of
 * MB and a core while it lays out. Each PDF gets a fresh context, with JavaScript disabled and
 * all network refused.
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private readonly limit: LimitFunction;
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
      return withTimeout(this.render(html, left), left);
    });
  }

  private async render(html: string, timeoutMs: number): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      // The page is ours and self-contained (fonts are data URLs): any request is a mistake.
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        // A tagged PDF (readable by screen readers, reflowable) and bookmarks from the headings.
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  private launched(): Promise<Browser> {
    this.browser ??= chromium
      .launch({ executablePath: this.settings.chromiumPath, headless: true, args: CHROMIUM_ARGS })
      .then((browser) => {
        browser.on('disconnected', () => {
          if (!this.closed)
            this.logger.warn('the PDF browser went away; the next PDF relaunches it');
          this.browser = null;
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
