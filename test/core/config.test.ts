import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/core/config/config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('works with no variables at all (development defaults)', () => {
    const config = loadConfig({});
    expect(config).to.include({ NODE_ENV: 'development', PORT: 3000, EMBEDDED_DB_DIR: './data/db', JWT_TTL_SECONDS: 3600 });
    expect(config.demoData).to.equal(true);
    expect(config.logPretty).to.equal(true);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', DEMO_DATA: 'false', LOG_PRETTY: '0' });
    expect(config).to.include({ PORT: 8080, DEMO_DATA: false, LOG_PRETTY: false });
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', NODE_ENV: 'staging', MONGODB_URI: 'postgres://x', JWT_TTL_SECONDS: '5', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0])).to.have.members(['PORT', 'NODE_ENV', 'MONGODB_URI', 'JWT_TTL_SECONDS', 'LOG_LEVEL']);
  });

  it('in production requires JWT_SECRET of 32+ characters; elsewhere it may be empty', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join()).to.match(/JWT_SECRET is required in production/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: '' }).join()).to.match(/JWT_SECRET is required in production/);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short' }).join()).to.match(/at least 32/);
    expect(problemsOf({ JWT_SECRET: 'short' }).join()).to.match(/at least 32/);
    expect(loadConfig({}).JWT_SECRET).to.equal(undefined);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(48) })).to.deep.equal([]);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(48) }).demoData).to.equal(false);
  });

  it('needs ADMIN_PASSWORD (10+ characters) with ADMIN_EMAIL', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'root@runway.vn' }).join()).to.match(/ADMIN_PASSWORD/);
    expect(problemsOf({ ADMIN_EMAIL: 'root@runway.vn', ADMIN_PASSWORD: 'short' }).join()).to.match(/at least 10/);
    expect(problemsOf({ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-pass' }).join()).to.match(/ADMIN_EMAIL/);
  });
});
