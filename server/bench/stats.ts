/**
 * Percentiles over latency samples. A fan-out run at N = 500 records ~10 million deliveries, so
 * latencies go into a fixed two-tier histogram (10 µs buckets below 100 ms, 1 ms buckets up to
 * 60 s) instead of an array: exact to 10 µs where the targets are, bounded memory everywhere.
 */
const FINE_US = 10;
const FINE_LIMIT_MS = 100;
const COARSE_LIMIT_MS = 60_000;
const FINE_BUCKETS = (FINE_LIMIT_MS * 1000) / FINE_US;
const COARSE_BUCKETS = COARSE_LIMIT_MS - FINE_LIMIT_MS;

/** A histogram as plain data, to cross from a generator thread to the main one. */
export interface HistogramData {
  fine: Uint32Array;
  coarse: Uint32Array;
  overflow: number;
  missing: number;
  sum: number;
  count: number;
  max: number;
}

export class LatencyHistogram {
  private fine = new Uint32Array(FINE_BUCKETS);
  private coarse = new Uint32Array(COARSE_BUCKETS);
  private overflow = 0;
  /** Expected samples that never arrived: they rank above every recorded one. */
  private missing = 0;
  private sum = 0;
  count = 0;
  max = 0;

  record(ms: number): void {
    const v = ms < 0 ? 0 : ms;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
    if (v < FINE_LIMIT_MS) this.fine[Math.floor((v * 1000) / FINE_US)]!++;
    else if (v < COARSE_LIMIT_MS) this.coarse[Math.floor(v - FINE_LIMIT_MS)]!++;
    else this.overflow++;
  }

  recordMissing(n: number): void {
    this.missing += n;
  }

  reset(): void {
    this.fine = new Uint32Array(FINE_BUCKETS);
    this.coarse = new Uint32Array(COARSE_BUCKETS);
    this.overflow = this.missing = this.sum = this.count = this.max = 0;
  }

  toData(): HistogramData {
    const { fine, coarse, overflow, missing, sum, count, max } = this;
    return { fine, coarse, overflow, missing, sum, count, max };
  }

  /** Adds another histogram's samples to this one. */
  merge(other: HistogramData): void {
    for (let i = 0; i < FINE_BUCKETS; i++) this.fine[i]! += other.fine[i]!;
    for (let i = 0; i < COARSE_BUCKETS; i++) this.coarse[i]! += other.coarse[i]!;
    this.overflow += other.overflow;
    this.missing += other.missing;
    this.sum += other.sum;
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** p in [0, 100]. Infinity when the rank falls among the missing samples. */
  percentile(p: number): number {
    const total = this.count + this.missing;
    if (total === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * total));
    if (rank > this.count) return Infinity;
    let seen = 0;
    for (let i = 0; i < FINE_BUCKETS; i++) {
      seen += this.fine[i]!;
      if (seen >= rank) return ((i + 1) * FINE_US) / 1000;
    }
    for (let i = 0; i < COARSE_BUCKETS; i++) {
      seen += this.coarse[i]!;
      if (seen >= rank) return FINE_LIMIT_MS + i + 1;
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      n: this.count,
      missing: this.missing,
      p50: this.percentile(50),
      p99: this.percentile(99),
      mean: this.mean,
      max: this.count ? this.max : NaN,
    };
  }
}

export interface LatencySummary {
  n: number;
  missing: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of a small array (join times, per-step figures). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
