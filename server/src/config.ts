import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { COLLAB_LIMITS } from '@polisee/contracts';
import { z } from 'zod';

/** The names Express's 'trust proxy' gives to address ranges. */
const TRUST_PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * An entry of TRUST_PROXY: an address, a CIDR range, or a keyword. Never 'true' or a hop count:
 * those would believe a forged X-Forwarded-For from any client (finding 9).
 */
function isProxyAddress(entry: string): boolean {
  if (TRUST_PROXY_KEYWORDS.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The bound on every MongoDB operation unless MONGODB_TIMEOUT_MS says otherwise. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;

/**
 * The environment, read and validated once. Nothing else in the server reads `process.env`:
 * the result of `loadConfig` is passed down from the composition root.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  // Not z.url(): a replica-set URI lists several hosts (mongodb://a:27017,b:27017/db), which
  // WHATWG URL parsing rejects.
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  MONGODB_WRITE_CONCERN: z
    .string()
    .regex(/^(majority|[1-9][0-9]?)$/, 'must be "majority" or a number of members (1–99)')
    .default('majority'),
  MONGODB_JOURNAL: z.enum(['true', 'false']).default('true'),
  // 0 turns the bound off (not for production: a write may then wait forever).
  MONGODB_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10 * 60 * 1000)
    .default(DEFAULT_OPERATION_TIMEOUT_MS),
  REDIS_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_ORIGIN: z.string().url().optional(),
  CLIENT_DIST: z.string().optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  // Per address across all accounts (per address and email let spraying through); 30 leaves
  // room for a workshop room behind one NAT mistyping passwords.
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCK_MAX_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  MESSAGE_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  THREAD_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  INVITATION_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isProxyAddress), {
      message: `must list IP addresses, CIDR ranges (10.0.0.0/8) or ${TRUST_PROXY_KEYWORDS.join(', ')}, separated by commas`,
    }),
  DOC_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(COLLAB_LIMITS.maxDocumentBytes),
  // Two years by default: long enough for a programme's audits; at least a day (decision 0061).
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
  // The browser that prints PDF exports (decision 0060): Debian's package by default.
  CHROMIUM_PATH: z
    .string()
    .refine((p) => path.isAbsolute(p), 'must be an absolute path to a Chromium executable')
    .default('/usr/bin/chromium'),
  // Each PDF in print costs a core and tens of MB; more wait their turn.
  EXPORT_PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  EXPORT_PDF_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(10 * 60 * 1000)
    .default(60_000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  sqlitePath: string;
  mongodbUri: string | undefined;
  /** Write concern of every MongoDB write: acknowledged by `w` members, journaled when `journal`. */
  mongodbWriteConcern: MongoWriteConcern;
  /** The bound on every MongoDB operation (`operationBounds`); 0 means none. */
  mongodbTimeoutMS: number;
  redisUrl: string | undefined;
  sessionSecret: string;
  demoPassword: string | undefined;
  logLevel: string;
  /** Origins allowed to send cookie-authenticated mutations; empty means "same host as the request". */
  publicOrigin: string | undefined;
  clientDist: string | undefined;
  seedDemo: boolean;
  loginLimits: LoginLimitSettings;
  writeLimits: WriteLimitSettings;
  /**
   * Proxies whose `X-Forwarded-For` is believed, for Express's 'trust proxy' (IPs, CIDR ranges,
   * 'loopback', 'linklocal', 'uniquelocal'). Empty: none, the peer address is the client.
   */
  trustProxy: string[];
  /** Size budget of one document's encoded state; edits that add content past it are refused. */
  maxDocumentBytes: number;
  /** Audit entries older than this many days are purged, daily (decision 0061). */
  auditRetentionDays: number;
  /** PDF exports: the browser, how many print at once, and the bound on one (decision 0060). */
  pdfExport: { chromiumPath: string; concurrency: number; timeoutMs: number };
}

/** Sign-in limits (security issue 11, finding 9: password spraying and guessing). */
export interface LoginLimitSettings {
  /** Failed sign-ins allowed per client address in 15 minutes, whichever accounts they name. */
  perAddress: number;
  /** Failed sign-ins in a row after which an account locks, from whatever addresses. */
  lockAfter: number;
  /** The first lock; each further failure doubles it, up to `lockMaxSeconds`. */
  lockSeconds: number;
  lockMaxSeconds: number;
}

/** Writes allowed per user per minute (finding 12: one member posted 1,352 comments in 4 s). */
export interface WriteLimitSettings {
  messagesPerMinute: number;
  threadsPerMinute: number;
  invitationsPerMinute: number;
}

export interface MongoWriteConcern {
  w: 'majority' | number;
  journal: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production',
    );
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    sqlitePath: path.join(dataDir, 'polisee.db'),
    mongodbUri: e.MONGODB_URI,
    mongodbWriteConcern: {
      w: e.MONGODB_WRITE_CONCERN === 'majority' ? 'majority' : Number(e.MONGODB_WRITE_CONCERN),
      journal: e.MONGODB_JOURNAL === 'true',
    },
    mongodbTimeoutMS: e.MONGODB_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET ?? localSessionSecret(dataDir),
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    publicOrigin: e.PUBLIC_ORIGIN,
    clientDist: e.CLIENT_DIST,
    // Demo users never exist in production, whatever SEED_DEMO says.
    seedDemo: e.NODE_ENV !== 'production' && e.SEED_DEMO !== 'false',
    loginLimits: {
      perAddress: e.LOGIN_RATE_LIMIT,
      lockAfter: e.LOGIN_LOCK_AFTER,
      lockSeconds: e.LOGIN_LOCK_SECONDS,
      lockMaxSeconds: Math.max(e.LOGIN_LOCK_MAX_SECONDS, e.LOGIN_LOCK_SECONDS),
    },
    writeLimits: {
      messagesPerMinute: e.MESSAGE_RATE_LIMIT,
      threadsPerMinute: e.THREAD_RATE_LIMIT,
      invitationsPerMinute: e.INVITATION_RATE_LIMIT,
    },
    trustProxy: e.TRUST_PROXY,
    maxDocumentBytes: e.DOC_MAX_BYTES,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    pdfExport: {
      chromiumPath: e.CHROMIUM_PATH,
      concurrency: e.EXPORT_PDF_CONCURRENCY,
      timeoutMs: e.EXPORT_PDF_TIMEOUT_MS,
    },
  };
}

/**
 * Outside production a secret is generated once and kept in DATA_DIR, so that sessions
 * survive a restart without anyone having to configure one.
 */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** sysexits' EX_CONFIG: what the command-line tools exit with on a bad configuration. */
export const EXIT_BAD_CONFIG = 78;

/**
 * The configuration for a command-line tool, or `null` after telling `err` what is wrong with
 * it (the caller exits with EXIT_BAD_CONFIG). Anything but a ConfigError is thrown on.
 */
export function loadConfigForCommand(err: (line: string) => void): Config | null {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err(e.message);
      return null;
    }
    throw e;
  }
}
