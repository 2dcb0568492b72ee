#!/usr/bin/env node
/**
 * Peer benchmark: libphonenumber-js (full "max" metadata) on the phone-number
 * corpus (benches/corpus/numbers.tsv).
 *
 * Measures, per corpus line: parsePhoneNumberFromString(input, region) +
 * isValid() + format('E.164') (undefined or invalid counts as an error).
 *   numbers_per_s    whole corpus pass, best of --repeat passes after a warm-up
 *   first_answer_ms  median over --fresh fresh node processes of (import
 *                    libphonenumber-js/max + first parse/validate/format),
 *                    measured inside the process; first_answer_process_ms is
 *                    the wall clock of the whole subprocess incl. node start-up
 * Prints one JSON line:
 *   {"impl":"libphonenumber-js","numbers_per_s":...,"valid":...,"invalid":...,"first_answer_ms":...}
 *
 * --results OUT.tsv additionally writes per-line results (untimed) in the
 * reference format of numbers_phonenumbers.py, so the driver can show how far
 * two libphonenumber-based peers already disagree (metadata versions differ).
 *
 * Usage: node numbers_libphonenumber.mjs [corpus.tsv] [--repeat N] [--fresh N] [--results OUT.tsv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const a = { corpus: path.join(HERE, '..', 'corpus', 'numbers.tsv'), repeat: 3, fresh: 5, results: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repeat') a.repeat = Number(argv[++i]);
    else if (argv[i] === '--fresh') a.fresh = Number(argv[++i]);
    else if (argv[i] === '--results') a.results = argv[++i];
    else a.corpus = argv[i];
  }
  return a;
}

function readCorpus(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.map((l) => {
    const i = l.indexOf('\t');
    return [l.slice(0, i), l.slice(i + 1)];
  });
}

/** The benchmarked operation: E.164 string, or null for an error. */
function e164OrNull(input, region) {
  const n = parsePhoneNumberFromString(input, region);
  if (!n || !n.isValid()) return null;
  return n.format('E.164');
}

function runPass(rows) {
  let valid = 0;
  for (const [input, region] of rows) if (e164OrNull(input, region) !== null) valid++;
  return valid;
}

function resultRow(input, region) {
  const n = parsePhoneNumberFromString(input, region);
  if (!n || !n.isValid()) return [input, region, 'ERROR', '', '', ''];
  return [input, region, n.format('E.164'), n.getType() ?? 'UNKNOWN', n.formatInternational(), n.formatNational()];
}

const FIRST_ANSWER_SNIPPET = `
const t0 = performance.now();
const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
const n = parsePhoneNumberFromString('0171 12345678', 'DE');
if (!n.isValid()) throw new Error('invalid');
n.format('E.164');
console.log(performance.now() - t0);
`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function firstAnswer(fresh) {
  const inner = [], outer = [];
  for (let i = 0; i < fresh; i++) {
    const t0 = performance.now();
    // cwd = HERE so the bare import resolves to benches/compare/node_modules
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', FIRST_ANSWER_SNIPPET], { cwd: HERE, encoding: 'utf8' });
    outer.push(performance.now() - t0);
    inner.push(Number(out));
  }
  return [median(inner), median(outer)];
}

const args = parseArgs(process.argv.slice(2));
const rows = readCorpus(args.corpus);
runPass(rows.slice(0, 10000)); // warm-up: JIT, metadata objects
let best = Infinity, valid = 0;
for (let r = 0; r < args.repeat; r++) {
  const t0 = performance.now();
  valid = runPass(rows);
  best = Math.min(best, (performance.now() - t0) / 1000);
}
const [fa, faProc] = firstAnswer(args.fresh);

if (args.results) {
  writeFileSync(args.results, rows.map(([i, r]) => resultRow(i, r).join('\t') + '\n').join(''));
}

const version = JSON.parse(readFileSync(path.join(HERE, 'node_modules', 'libphonenumber-js', 'package.json'), 'utf8')).version;
console.log(JSON.stringify({
  impl: 'libphonenumber-js', version,
  numbers_per_s: Math.round(rows.length / best),
  valid, invalid: rows.length - valid,
  first_answer_ms: Number(fa.toFixed(2)),
  first_answer_process_ms: Number(faProc.toFixed(2)),
  lines: rows.length, best_pass_s: Number(best.toFixed(4)),
}));
