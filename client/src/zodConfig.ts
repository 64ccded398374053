import { config } from 'zod';

/*
 * Zod compiles object parsers with `new Function` unless told not to, and probes for that by
 * calling it once. The Content Security Policy has no 'unsafe-eval' (see
 * docs/decisions/0032-content-security-policy.md), so the probe is a reported violation on
 * every page. The client parses little (form fields, error bodies): the slower path costs
 * nothing noticeable. It must run before any schema is built: main.tsx imports it first.
 */
config({ jitless: true });
