import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, read and validated once. Nothing else in the server reads `process.env`:
 * the result of `loadConfig` is passed down from the composition root.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_ORIGIN: z.string().url().optional(),
  CLIENT_DIST: z.string().optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  sqlitePath: string;
  mongodbUri: string | undefined;
  redisUrl: string | undefined;
  sessionSecret: string;
  demoPassword: string | undefined;
  logLevel: string;
  /** Origins allowed to send cookie-authenticated mutations; empty means "same host as the request". */
  publicOrigin: string | undefined;
  clientDist: string | undefined;
  seedDemo: boolean;
  /** Failed logins allowed per IP and email in a 15-minute window. */
  loginRateLimit: number;
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
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET ?? localSessionSecret(dataDir),
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    publicOrigin: e.PUBLIC_ORIGIN,
    clientDist: e.CLIENT_DIST,
    // Demo users never exist in production, whatever SEED_DEMO says.
    seedDemo: e.NODE_ENV !== 'production' && e.SEED_DEMO !== 'false',
    loginRateLimit: e.LOGIN_RATE_LIMIT,
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
