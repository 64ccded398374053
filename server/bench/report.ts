import type { ServerKind } from './servers.js';

/** One measured row: a scenario variant (N=200, in-memory, a load step…) on one server. */
export interface ResultRow {
  scenario: ScenarioName;
  variant: string;
  server: ServerKind;
  label: string;
  metrics: Record<string, number | boolean | string | null>;
}

export type ScenarioName =
  'fanout' | 'coldjoin' | 'manydocs' | 'durability' | 'workshop' | 'scaleout';
export const SCENARIOS: readonly ScenarioName[] = [
  'fanout',
  'coldjoin',
  'manydocs',
  'durability',
  'workshop',
  'scaleout',
];

interface Column {
  key: string;
  title: string;
  /** Whether an ours/reference ratio of this column means something. */
  ratio?: boolean;
}

const COLUMNS: Record<ScenarioName, Column[]> = {
  fanout: [
    { key: 'p50Ms', title: 'p50 ms', ratio: true },
    { key: 'p99Ms', title: 'p99 ms', ratio: true },
    { key: 'deliveredPct', title: 'delivered %' },
    { key: 'deliveredPerS', title: 'deliveries/s', ratio: true },
    { key: 'serverCpuPct', title: 'srv CPU %', ratio: true },
    { key: 'serverUsPerDelivery', title: 'srv µs/delivery', ratio: true },
    { key: 'serverRssMaxMb', title: 'srv RSS MB', ratio: true },
    { key: 'genCpuPct', title: 'gen CPU %' },
    { key: 'genLoopP99Ms', title: 'gen lag p99 ms' },
    { key: 'otherCpuPct', title: 'other CPU %' },
    { key: 'converged', title: 'converged' },
  ],
  coldjoin: [
    { key: 'edits', title: 'history edits' },
    { key: 'syncP50Ms', title: 'full sync p50 ms', ratio: true },
    { key: 'responseP50Ms', title: 'step1→step2 p50 ms', ratio: true },
    { key: 'serverCpuMsPerJoin', title: 'srv CPU ms/join', ratio: true },
    { key: 'bytesReceived', title: 'bytes to client', ratio: true },
    { key: 'joins', title: 'joins' },
    { key: 'otherCpuPct', title: 'other CPU %' },
    { key: 'converged', title: 'state equal' },
  ],
  manydocs: [
    { key: 'documents', title: 'docs' },
    { key: 'baselineRssMb', title: 'RSS before MB' },
    { key: 'loadedRssMb', title: 'RSS loaded MB' },
    { key: 'rssKbPerDoc', title: 'KB per doc', ratio: true },
    { key: 'rssKbPerDocSecondHalf', title: 'KB per doc, 2nd half', ratio: true },
    { key: 'serverCpuPct', title: 'srv CPU % (load)' },
    { key: 'otherCpuPct', title: 'other CPU %' },
    { key: 'contentOk', title: 'content ok' },
  ],
  durability: [
    { key: 'offeredPerS', title: 'offered edits/s' },
    { key: 'durablePerS', title: 'durable edits/s' },
    { key: 'durableP50Ms', title: 'send→durable p50 ms' },
    { key: 'durableP99Ms', title: 'send→durable p99 ms' },
    { key: 'durablePct', title: 'durable %' },
    { key: 'echoP50Ms', title: 'send→peer p50 ms' },
    { key: 'serverCpuPct', title: 'srv CPU %' },
    { key: 'serverRssMaxMb', title: 'srv RSS MB' },
    { key: 'genCpuPct', title: 'gen CPU %' },
    { key: 'otherCpuPct', title: 'other CPU %' },
  ],
  workshop: [
    { key: 'editP50Ms', title: 'edit p50 ms' },
    { key: 'editP99Ms', title: 'edit p99 ms' },
    { key: 'editDeliveredPct', title: 'edits delivered %' },
    { key: 'controlP50Ms', title: 'control p50 ms' },
    { key: 'controlP99Ms', title: 'control p99 ms' },
    { key: 'controlMaxMs', title: 'control max ms' },
    { key: 'controlsDelivered', title: 'controls delivered' },
    { key: 'ballots', title: 'ballots sent/counted' },
    { key: 'countedOnce', title: 'counted once' },
    { key: 'ballotAckP99Ms', title: 'ballot ack p99 ms' },
    { key: 'serverCpuPct', title: 'srv CPU %' },
    { key: 'serverRssMaxMb', title: 'srv RSS MB' },
    { key: 'genLoopP99Ms', title: 'gen lag p99 ms' },
    { key: 'otherCpuPct', title: 'other CPU %' },
  ],
  scaleout: [
    { key: 'editors', title: 'editors' },
    { key: 'p50Ms', title: 'p50 ms' },
    { key: 'p99Ms', title: 'p99 ms' },
    { key: 'deliveredPct', title: 'delivered %' },
    { key: 'p50OverOneProcess', title: 'p50 / 1 process' },
    { key: 'serverCpuPct', title: 'srv CPU % (all)' },
    { key: 'redisCpuPct', title: 'Redis CPU %' },
    { key: 'cpuOverOneProcess', title: 'CPU / 1 process' },
    { key: 'serverRssMaxMb', title: 'max srv RSS MB' },
    { key: 'genCpuPct', title: 'gen CPU %' },
    { key: 'otherCpuPct', title: 'other CPU %' },
    { key: 'converged', title: 'converged' },
  ],
};

/** Rows measured while other processes used more than this much CPU are marked ⚠. */
export const NOISY_OTHER_CPU_PCT = 25;

function labelOf(r: ResultRow): string {
  const other = r.metrics.otherCpuPct;
  return typeof other === 'number' && other > NOISY_OTHER_CPU_PCT ? `${r.label} ⚠` : r.label;
}

const TITLES: Record<ScenarioName, string> = {
  fanout: 'Fan-out (one document, N clients × edits/s)',
  coldjoin: 'Cold join of a long-history document',
  manydocs: 'Many open documents (1 client each)',
  durability: 'Durability (ours, persistence on)',
  workshop: 'Live workshop (ours; participants + 2 facilitators, 30 typing at 1 edit/s, one run)',
  scaleout:
    'Scale-out (ours; six workshops of 100 editors at 1 edit/s, one process vs three through Redis)',
};

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'NO';
  if (typeof v === 'string') return v;
  if (typeof v !== 'number' || Number.isNaN(v)) return '–';
  if (v === Infinity) return '∞';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

function ratio(a: unknown, b: unknown): string {
  if (typeof a !== 'number' || typeof b !== 'number') return '';
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `×${(a / b).toFixed(2)}`;
}

/** Markdown tables, one per scenario, each variant followed by its ratio rows. */
export function renderTables(rows: readonly ResultRow[]): string {
  const out: string[] = [];
  for (const scenario of SCENARIOS) {
    const mine = rows.filter((r) => r.scenario === scenario);
    if (mine.length === 0) continue;
    const cols = COLUMNS[scenario];
    out.push(`### ${TITLES[scenario]}`, '');
    out.push(`| case | server | ${cols.map((c) => c.title).join(' | ')} |`);
    out.push(`|---|---|${cols.map(() => '--:').join('|')}|`);
    const variants = [...new Set(mine.map((r) => r.variant))];
    for (const variant of variants) {
      const group = mine.filter((r) => r.variant === variant);
      for (const r of group) {
        const cells = cols.map((c) => formatValue(r.metrics[c.key]));
        out.push(`| ${variant} | ${labelOf(r)} | ${cells.join(' | ')} |`);
      }
      const ours = group.find((r) => r.server === 'ours');
      for (const other of group.filter((r) => r.server !== 'ours')) {
        if (!ours) break;
        const cells = cols.map((c) =>
          c.ratio ? ratio(ours.metrics[c.key], other.metrics[c.key]) : '',
        );
        out.push(`| ${variant} | *ours / ${other.label}* | ${cells.join(' | ')} |`);
      }
    }
    out.push('');
  }
  const lost = ['p99Ms', 'durableP99Ms', 'editP99Ms', 'controlP99Ms'];
  if (rows.some((r) => lost.some((key) => r.metrics[key] === Infinity))) {
    out.push(
      '∞: more of the expected deliveries than the percentile leaves out never arrived within ' +
        'the drain window (a p99 of ∞ means over 1 % were lost or later than the window).',
      '',
    );
  }
  if (rows.some((r) => labelOf(r) !== r.label)) {
    out.push(
      `⚠ other processes used more than ${NOISY_OTHER_CPU_PCT} % of a core during that case: ` +
        'its figures are skewed by work that was not the server or the generator.',
      '',
    );
  }
  return out.join('\n');
}

/** The targets, judged on this run's rows. */
export function renderTargets(rows: readonly ResultRow[]): string {
  const find = (scenario: ScenarioName, variant: string | null, server: ServerKind) =>
    rows.find(
      (r) =>
        r.scenario === scenario &&
        r.server === server &&
        (variant === null || r.variant === variant),
    );
  const num = (r: ResultRow | undefined, key: string) =>
    typeof r?.metrics[key] === 'number' ? (r.metrics[key] as number) : undefined;
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'MET' : 'NOT MET');
  const lines: string[] = [];
  const check = (
    what: string,
    ok: boolean | undefined,
    detail: string,
    ...from: (ResultRow | undefined)[]
  ) => {
    const noisy = from.some((r) => r && labelOf(r) !== r.label) ? ' ⚠ (busy machine)' : '';
    lines.push(`- ${verdict(ok)} — ${what}: ${detail}${noisy}`);
  };

  const n200 = find('fanout', 'N=200', 'ours');
  const hp200 = find('fanout', 'N=200', 'hocuspocus');
  const p99 = num(n200, 'p99Ms');
  const cpu = num(n200, 'serverCpuPct');
  const hpCpu = num(hp200, 'serverCpuPct');
  check(
    'N = 200: p99 ≤ 50 ms',
    p99 === undefined ? undefined : p99 <= 50,
    `ours p99 ${formatValue(p99)} ms`,
    n200,
  );
  check(
    'N = 200: CPU ≤ ½ of Hocuspocus in the same run',
    cpu === undefined || hpCpu === undefined ? undefined : cpu <= hpCpu / 2,
    `ours ${formatValue(cpu)} % vs Hocuspocus ${formatValue(hpCpu)} % ` +
      `(per delivery ${formatValue(num(n200, 'serverUsPerDelivery'))} vs ` +
      `${formatValue(num(hp200, 'serverUsPerDelivery'))} µs)`,
    n200,
    hp200,
  );
  const n500 = find('fanout', 'N=500', 'ours');
  const p99at500 = num(n500, 'p99Ms');
  check(
    'N = 500: p99 ≤ 150 ms',
    p99at500 === undefined ? undefined : p99at500 <= 150,
    `ours p99 ${formatValue(p99at500)} ms`,
    n500,
  );
  // Issue 18: against Hocuspocus 4.7 in the same run, at every N; CPU at half of its at 200, 500.
  for (const n of [10, 50, 200, 500]) {
    const ours = find('fanout', `N=${n}`, 'ours');
    const peer = find('fanout', `N=${n}`, 'hocuspocus');
    const [p, hp] = [num(ours, 'p99Ms'), num(peer, 'p99Ms')];
    check(
      `N = ${n}: p99 ≤ Hocuspocus's in the same run`,
      p === undefined || hp === undefined ? undefined : p <= hp,
      `ours ${formatValue(p)} vs Hocuspocus ${formatValue(hp)} ms`,
      ours,
      peer,
    );
  }
  const hp500 = find('fanout', 'N=500', 'hocuspocus');
  const [cpu500, hpCpu500] = [num(n500, 'serverCpuPct'), num(hp500, 'serverCpuPct')];
  check(
    'N = 500: CPU ≤ ½ of Hocuspocus in the same run',
    cpu500 === undefined || hpCpu500 === undefined ? undefined : cpu500 <= hpCpu500 / 2,
    `ours ${formatValue(cpu500)} % vs Hocuspocus ${formatValue(hpCpu500)} %`,
    n500,
    hp500,
  );
  const joinRow = find('coldjoin', 'in memory', 'ours');
  const hpJoinRow = find('coldjoin', 'in memory', 'hocuspocus');
  const join = num(joinRow, 'serverCpuMsPerJoin');
  const hpJoin = num(hpJoinRow, 'serverCpuMsPerJoin');
  check(
    "cold join: server time no worse than Hocuspocus's",
    join === undefined || hpJoin === undefined ? undefined : join <= hpJoin,
    `ours ${formatValue(join)} vs Hocuspocus ${formatValue(hpJoin)} CPU ms per join`,
    joinRow,
    hpJoinRow,
  );
  // Judged where every server holds the same content (not the "template kept" variant).
  const manyRow = rows.find(
    (r) => r.scenario === 'manydocs' && r.server === 'ours' && !r.variant.includes('template'),
  );
  const perDoc = num(manyRow, 'rssKbPerDoc');
  check(
    '≤ 100 KB RSS per open document with its client',
    perDoc === undefined ? undefined : perDoc <= 100,
    `ours ${formatValue(perDoc)} KB`,
    manyRow,
  );
  const hpManyRow = find('manydocs', null, 'hocuspocus');
  const hpPerDoc = num(hpManyRow, 'rssKbPerDoc');
  check(
    "RSS per open document ≤ Hocuspocus's on the same content",
    perDoc === undefined || hpPerDoc === undefined ? undefined : perDoc <= hpPerDoc,
    `ours ${formatValue(perDoc)} vs Hocuspocus ${formatValue(hpPerDoc)} KB`,
    manyRow,
    hpManyRow,
  );
  const durable = rows.find((r) => r.scenario === 'durability' && r.metrics.headline === true);
  const durableP99 = num(durable, 'durableP99Ms');
  check(
    'receipt-to-durable p99 ≤ 100 ms',
    durableP99 === undefined ? undefined : durableP99 <= 100,
    `ours p99 ${formatValue(durableP99)} ms at ${formatValue(num(durable, 'offeredPerS'))} edits/s`,
    durable,
  );
  const sustained = rows
    .filter(
      (r) =>
        r.scenario === 'durability' &&
        num(r, 'durablePct') === 100 &&
        (num(r, 'durableP99Ms') ?? Infinity) <= 1000,
    )
    .map((r) => num(r, 'durablePerS') ?? 0);
  if (rows.some((r) => r.scenario === 'durability')) {
    lines.push(
      `- sustained durable throughput (highest step with every edit durable, p99 ≤ 1 s): ` +
        `${sustained.length ? formatValue(Math.max(...sustained)) : 'none'} edits/s`,
    );
  }
  workshopTargets(rows, check, num);
  scaleOutTargets(rows, check, num);
  return lines.join('\n');
}

/** Judges one target and prints its line (see renderTargets). */
type TargetCheck = (
  what: string,
  ok: boolean | undefined,
  detail: string,
  ...from: (ResultRow | undefined)[]
) => void;

/** Co-editing while the workshop runs may be this much slower than idle and still count as no worse. */
const WORKSHOP_NOISE = { ratio: 1.1, ms: 2 };

/** The workshop capacity targets, judged on the workshop rows of this run. */
function workshopTargets(
  rows: readonly ResultRow[],
  check: TargetCheck,
  num: (r: ResultRow | undefined, key: string) => number | undefined,
): void {
  const fmt = formatValue;
  const mine = rows.filter((r) => r.scenario === 'workshop' && r.server === 'ours');
  if (mine.length === 0) return;
  const idle = mine.find((r) => r.variant.includes('idle'));
  const live = mine.find((r) => r.variant.includes('live'));
  const ballots = mine.find((r) => r.variant.includes('ballots'));
  const controlP99 = num(live, 'controlP99Ms');
  const missing = (num(live, 'controlsExpected') ?? 0) - (num(live, 'controlsDeliveredCount') ?? 0);
  check(
    'workshop: facilitator controls reach every participant with p99 ≤ 100 ms',
    controlP99 === undefined ? undefined : controlP99 <= 100 && missing === 0,
    `p99 ${fmt(controlP99)} ms, max ${fmt(num(live, 'controlMaxMs'))} ms, ` +
      `${fmt(live?.metrics.controlsDelivered)} delivered`,
    live,
  );
  const once = ballots?.metrics.countedOnce;
  check(
    `workshop: ${fmt(ballots?.metrics.voters)} ballots cast within one second all counted exactly once`,
    typeof once === 'boolean' ? once : undefined,
    `${fmt(ballots?.metrics.ballotsSent)} sent (${fmt(ballots?.metrics.duplicatesSent)} twice), ` +
      `${fmt(ballots?.metrics.ballotsCounted)} voters counted; ${fmt(ballots?.metrics.countNote)}`,
    ballots,
  );
  const idleP99 = num(idle, 'editP99Ms');
  const liveP99 = num(live, 'editP99Ms');
  const allowed =
    idleP99 === undefined
      ? undefined
      : Math.max(idleP99 * WORKSHOP_NOISE.ratio, idleP99 + WORKSHOP_NOISE.ms);
  check(
    'workshop: co-editing p99 while live no worse than idle (same run; noise: 10 % or 2 ms)',
    allowed === undefined || liveP99 === undefined ? undefined : liveP99 <= allowed,
    `live ${fmt(liveP99)} ms vs idle ${fmt(idleP99)} ms (p50 ${fmt(num(live, 'editP50Ms'))} vs ` +
      `${fmt(num(idle, 'editP50Ms'))} ms)`,
    idle,
    live,
  );
}

/** The three-process target, judged on the scale-out rows of this run. */
function scaleOutTargets(
  rows: readonly ResultRow[],
  check: TargetCheck,
  num: (r: ResultRow | undefined, key: string) => number | undefined,
): void {
  const fmt = formatValue;
  const three = rows.find((r) => r.scenario === 'scaleout' && r.metrics.processes === 3);
  if (!three) return;
  const p99 = num(three, 'p99Ms');
  check(
    `scale-out: ${fmt(three.metrics.editors)} editors over three processes through Redis, p99 ≤ 100 ms`,
    p99 === undefined ? undefined : p99 <= 100 && three.metrics.converged === true,
    `p99 ${fmt(p99)} ms, p50 ${fmt(num(three, 'p50Ms'))} ms (×${fmt(num(three, 'p50OverOneProcess'))} ` +
      `one process's), total CPU ×${fmt(num(three, 'cpuOverOneProcess'))} one process's, ` +
      `${fmt(three.metrics.deliveredPct)} % delivered`,
    three,
  );
}
