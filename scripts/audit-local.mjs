#!/usr/bin/env node
// `npm audit`, answered from a file of GitHub advisories instead of the registry's audit endpoint.
//
//   node scripts/audit-local.mjs ADVISORIES.jsonl [npm audit options…]
//   e.g. node scripts/audit-local.mjs advisories.jsonl --omit=dev --audit-level=high
//
// For machines whose registry proxy refuses the audit endpoint (a POST) but serves packages.
// The registry's endpoint is itself fed by the GitHub Advisory Database, so npm's own audit
// runs unchanged: this script starts a registry front on loopback that answers
// `POST /-/npm/v1/security/advisories/bulk` from the file and passes every other request
// (the packuments npm reads to work out fixes) to the configured registry. npm's exit code
// and report are this script's.
//
// One advisory per line, with the GitHub Advisory Database's fields:
//   {"package": "express", "ghsa": "GHSA-pj86-cfqh-vqx6", "severity": "LOW",
//    "ranges": [">= 5.0.0, < 5.2.0", "< 4.22.0"], "withdrawnAt": "", "summary": "…"}
// The findings are only as fresh as the file: say where and when it was taken.

import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';

const [file, ...auditArgs] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/audit-local.mjs ADVISORIES.jsonl [npm audit options…]');
  process.exit(2);
}

const upstream = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim().replace(/\/?$/, '/');
let advisories;
try {
  advisories = byPackage(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`audit-local: ${error.message}`);
  process.exit(2);
}
console.error(`audit-local: ${countAdvisories(advisories)} advisories for ${advisories.size} packages from ${file}; other requests go to ${upstream}`);

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.method === 'POST' && req.url?.startsWith('/-/npm/v1/security/advisories/bulk')) {
      answerBulk(req, body, res);
    } else {
      passOn(req, body, res).catch((error) => {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
      });
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const npm = spawn('npm', ['audit', `--registry=http://127.0.0.1:${port}/`, ...auditArgs], { stdio: 'inherit' });
  npm.on('exit', (code, signal) => {
    server.close();
    process.exit(code ?? (signal ? 1 : 0));
  });
});

/** The bulk endpoint: `{name: [versions…]}` in, `{name: [advisory…]}` out; npm tests the versions itself. */
function answerBulk(req, body, res) {
  let asked;
  try {
    asked = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`not a bulk advisory request: ${error.message}`);
    return;
  }
  const answer = {};
  for (const name of Object.keys(asked)) {
    const found = advisories.get(name);
    if (found?.length) answer[name] = found;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
}

async function passOn(req, body, res) {
  const headers = { ...req.headers };
  delete headers.host;
  delete headers.connection;
  const response = await fetch(new URL(req.url.replace(/^\//, ''), upstream), {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
  });
  const out = Buffer.from(await response.arrayBuffer());
  const passed = {};
  for (const [key, value] of response.headers) {
    // fetch has already decoded the body, so its length and encoding no longer hold.
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(key)) passed[key] = value;
  }
  res.writeHead(response.status, passed).end(out);
}

/** Advisories as the registry gives them, by package; withdrawn ones left out. */
function byPackage(text) {
  const out = new Map();
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let record;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON (${error.message})`);
    }
    const wellFormed = ['package', 'ghsa', 'severity'].every((key) => typeof record?.[key] === 'string') && Array.isArray(record.ranges) && record.ranges.every((range) => typeof range === 'string');
    if (!wellFormed) throw new Error(`${file}:${index + 1}: needs "package", "ghsa" and "severity" (strings) and "ranges" (an array of strings)`);
    if (record.withdrawnAt) return;
    const list = out.get(record.package) ?? out.set(record.package, []).get(record.package);
    if (list.some((known) => known.url.endsWith(record.ghsa))) return;
    list.push({
      id: numericId(record.ghsa),
      url: `https://github.com/advisories/${record.ghsa}`,
      title: record.summary,
      severity: String(record.severity).toLowerCase(),
      vulnerable_versions: record.ranges.map(semverRange).join(' || '),
      cwe: [],
      cvss: { score: 0, vectorString: null },
    });
  });
  return out;
}

/** GitHub writes ">= 5.0.0, < 5.2.0" and "= 1.2.3"; npm's semver reads ">=5.0.0 <5.2.0" and "1.2.3". */
function semverRange(range) {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^(<=|>=|<|>|=)\s*/, (op) => (op.trim() === '=' ? '' : op.trim())))
    .join(' ');
}

/** npm keys advisories by a number; a GHSA id's letters give a stable one. */
function numericId(ghsa) {
  let hash = 0;
  for (const char of ghsa) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

function countAdvisories(map) {
  let n = 0;
  for (const list of map.values()) n += list.length;
  return n;
}
