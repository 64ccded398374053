import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { DATA_DIR: '/tmp/polisee-config-test', SESSION_SECRET: 'x'.repeat(32) };

describe('MongoDB configuration', () => {
  it('defaults to majority, journaled writes', () => {
    const config = loadConfig({ ...base, MONGODB_URI: 'mongodb://127.0.0.1:27017/polisee' });
    expect(config.mongodbUri).toBe('mongodb://127.0.0.1:27017/polisee');
    expect(config.mongodbWriteConcern).toEqual({ w: 'majority', journal: true });
  });

  it('takes a number of members and journaling off', () => {
    const config = loadConfig({ ...base, MONGODB_WRITE_CONCERN: '2', MONGODB_JOURNAL: 'false' });
    expect(config.mongodbWriteConcern).toEqual({ w: 2, journal: false });
    expect(config.mongodbUri).toBeUndefined();
  });

  it('accepts replica-set and SRV connection strings', () => {
    for (const uri of [
      'mongodb://a:27017,b:27017,c:27017/polisee?replicaSet=rs0',
      'mongodb+srv://user:pass@cluster.example.net/polisee',
    ]) {
      expect(loadConfig({ ...base, MONGODB_URI: uri }).mongodbUri).toBe(uri);
    }
  });

  it('refuses anything else, naming the variable', () => {
    for (const env of [
      { MONGODB_URI: 'postgres://localhost/polisee' },
      { MONGODB_URI: 'http://mongo:27017' },
      { MONGODB_WRITE_CONCERN: '0' },
      { MONGODB_WRITE_CONCERN: 'all' },
      { MONGODB_JOURNAL: 'yes' },
    ]) {
      expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, ...env })).toThrow(Object.keys(env)[0]!);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(loadConfig(base).trustProxy).toEqual([]);
  });

  it('takes addresses, CIDR ranges and Express keywords, separated by commas', () => {
    const config = loadConfig({
      ...base,
      TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,loopback,fd00::/8',
    });
    expect(config.trustProxy).toEqual(['10.0.0.5', '172.16.0.0/12', 'loopback', 'fd00::/8']);
  });

  it('refuses what would believe any client, and what is not an address', () => {
    for (const value of ['true', '1', '*', 'proxy.example', '10.0.0.0/33', '10.0.0.0/8/8']) {
      expect(() => loadConfig({ ...base, TRUST_PROXY: value }), value).toThrow('TRUST_PROXY');
    }
  });
});
