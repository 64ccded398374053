import { parseArgs } from 'node:util';
import { SCENARIOS, type ScenarioName } from './report.js';
import { SERVER_KINDS, type ServerKind } from './servers.js';
import { STORE_SCENARIOS, type StoreScenarioName } from './store/index.js';

export interface BenchOptions {
  quick: boolean;
  scenarios: ScenarioName[];
  /** Embedded-store benchmarks (ours only): comment threads, versions. */
  storeScenarios: StoreScenarioName[];
  servers: ServerKind[];
  fanoutClients: number[];
  fanoutSeconds: number;
  /** Unmeasured N = 10 session each fan-out case's server process serves first (0: none). */
  serverWarmUpSeconds: number;
  editsPerSecond: number;
  fullClients: number;
  generatorThreads: number;
  historyEdits: number;
  joins: number;
  documents: number;
  documentBytes: number;
  keepTemplate: boolean;
  quietWaitSeconds: number;
  /** Workshop: participants (besides the two facilitators), and each typing phase's length. */
  participants: number;
  workshopSeconds: number;
  /** Scale-out: workshops (one document each) and editors per workshop. */
  scaleOutWorkshops: number;
  scaleOutEditors: number;
  out: string | undefined;
}

const USAGE = `npm run bench [-- options]

  --quick                 short run: N = 10 and 50 for 5 s, smaller cold-join and many-docs cases
  --scenario NAME         fanout | coldjoin | manydocs | durability | workshop | scaleout | threads |
                          versions | assessment | programme | blocksopen | search | export |
                          coldload
                          (repeatable or comma list; durability, workshop and scaleout run ours
                          only (scaleout: six workshops of 100 editors on one process, then on
                          three through a redis-server of its own),
                          threads, versions, assessment, programme and search measure its
                          embedded store (search: SEARCH_BENCH_DOCUMENTS, _WORDS, _MESSAGES set
                          its corpus), blocksopen opens a document with five method blocks in
                          Chromium, export renders a 25,000-word plan to DOCX, Markdown and PDF,
                          coldload opens a 100,000-edit history in a fresh process)
  --servers LIST          ours,reference,hocuspocus (default: all three)
  --clients LIST          fan-out N values (default 10,50,200,500)
  --seconds S             fan-out edit window (default 20)
  --warm-up S             before each fan-out case, its server process serves an unmeasured
                          N = 10 session of S s (default: the edit window; 0: none)
  --full-clients K        stock-provider replicas per fan-out (default 4; the rest are wire clients)
  --threads T             worker threads for the wire clients (default 1: apart from the
                          stock providers' replicas; 0 puts them all in the main thread)
  --history EDITS         cold-join history length (default 100000)
  --documents D           many-docs count (default 1000)
  --keep-template         many-docs: also run ours with its documents' template kept (by
                          default it is deleted first, so all servers hold the same content)
  --participants P        workshop: participants besides the 2 facilitators (default 100)
  --quiet-wait S          before each case, wait up to S s for other processes to go idle
                          (default 60; all waits together at most 3 × S)
  --out FILE              raw JSON (default bench/results/latest.json)
`;

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter(Boolean);
}

/**
 * `npm run bench -- --quick` at the root reaches us through a second `npm run` (the root script
 * is `npm run bench -w server`), which takes the flags as its own config: it exports
 * `npm_config_quick` and passes the flags' values on as bare words. Both are understood here,
 * for the flags that allow it; `npm run bench -w server -- …` passes everything unchanged.
 */
function fromNpmRelay(positionals: string[], env: NodeJS.ProcessEnv) {
  const scenarios: string[] = [];
  const servers: string[] = [];
  for (const word of positionals.flatMap((p) => p.split(','))) {
    if (SCENARIOS.includes(word as ScenarioName)) scenarios.push(word);
    else if (STORE_SCENARIOS.includes(word as StoreScenarioName)) scenarios.push(word);
    else if (SERVER_KINDS.includes(word as ServerKind)) servers.push(word);
    else
      throw new Error(
        `unexpected argument "${word}"; pass options as: npm run bench -w server -- …`,
      );
  }
  return { scenarios, servers, quick: env.npm_config_quick === 'true' };
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string', multiple: true },
      servers: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      'warm-up': { type: 'string' },
      'full-clients': { type: 'string' },
      threads: { type: 'string' },
      history: { type: 'string' },
      documents: { type: 'string' },
      'keep-template': { type: 'boolean', default: false },
      'quiet-wait': { type: 'string' },
      participants: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const relayed = fromNpmRelay(positionals, env);
  const scenarios = [...list(values.scenario), ...relayed.scenarios];
  for (const s of scenarios) {
    if (!SCENARIOS.includes(s as ScenarioName) && !STORE_SCENARIOS.includes(s as StoreScenarioName))
      throw new Error(`unknown scenario ${s}\n\n${USAGE}`);
  }
  const collabScenarios = scenarios.filter((s) => SCENARIOS.includes(s as ScenarioName));
  const storeScenarios = scenarios.filter((s) =>
    STORE_SCENARIOS.includes(s as StoreScenarioName),
  ) as StoreScenarioName[];
  const servers = [...list(values.servers), ...relayed.servers];
  for (const s of servers) {
    if (!SERVER_KINDS.includes(s as ServerKind)) throw new Error(`unknown server ${s}\n\n${USAGE}`);
  }
  const quick = (values.quick ?? false) || relayed.quick;
  const number = (v: string | undefined, fallback: number) =>
    v === undefined ? fallback : Number(v);
  const fanoutSeconds = number(values.seconds, quick ? 5 : 20);
  return {
    quick,
    // No --scenario: everything. Only store scenarios named: no collaboration scenario.
    scenarios: scenarios.length ? (collabScenarios as ScenarioName[]) : [...SCENARIOS],
    storeScenarios: scenarios.length ? storeScenarios : [...STORE_SCENARIOS],
    servers: servers.length ? (servers as ServerKind[]) : [...SERVER_KINDS],
    fanoutClients: list(values.clients).map(Number).length
      ? list(values.clients).map(Number)
      : quick
        ? [10, 50]
        : [10, 50, 200, 500],
    fanoutSeconds,
    serverWarmUpSeconds: number(values['warm-up'], fanoutSeconds),
    editsPerSecond: 2,
    fullClients: number(values['full-clients'], 4),
    generatorThreads: number(values.threads, 1),
    historyEdits: number(values.history, quick ? 20_000 : 100_000),
    joins: quick ? 5 : 15,
    documents: number(values.documents, quick ? 200 : 1000),
    documentBytes: 10 * 1024,
    keepTemplate: values['keep-template'] ?? false,
    quietWaitSeconds: number(values['quiet-wait'], quick ? 10 : 60),
    participants: number(values.participants, 100),
    workshopSeconds: quick ? 8 : 20,
    scaleOutWorkshops: quick ? 2 : 6,
    scaleOutEditors: quick ? 20 : 100,
    out: values.out,
  };
}
