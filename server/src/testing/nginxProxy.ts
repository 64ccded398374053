import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The production proxy configuration (docker-compose.yml mounts it into the nginx container). */
export const NGINX_CONF = path.join(REPO_ROOT, 'deploy/nginx.conf');

/** Debian's nginx binary, or null when it is not installed (`.ci/run` installs it). */
export function nginxBinary(): string | null {
  for (const candidate of ['/usr/sbin/nginx', 'nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  return null;
}

export interface TestProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs deploy/nginx.conf as written, but for the test: on 127.0.0.1:`port`, with the compose
 * service names app1..app3 replaced by `upstreams` (host:port), and its pid, logs and buffers
 * in `dir`. Fails if the configuration does not name exactly three app processes.
 */
export async function startNginxProxy(
  dir: string,
  port: number,
  upstreams: readonly string[],
): Promise<TestProxy> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed');
  mkdirSync(dir, { recursive: true });
  let conf = readFileSync(NGINX_CONF, 'utf8');
  upstreams.forEach((address, i) => {
    const name = `app${i + 1}:3000`;
    if (!conf.includes(name)) throw new Error(`${NGINX_CONF} names no ${name}`);
    conf = conf.replaceAll(name, address);
  });
  if (/\bapp\d:3000/.test(conf)) throw new Error('the proxy names more app processes than started');
  conf = conf
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('worker_processes auto;', 'worker_processes 1;')
    .replace(
      'http {',
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nhttp {\n` +
        ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
          .map((t) => `  ${t}_temp_path ${dir}/${t};`)
          .join('\n'),
    );
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const child = spawn(binary, ['-p', dir, '-c', file, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() - started > 10_000) throw new Error(`nginx did not answer: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
