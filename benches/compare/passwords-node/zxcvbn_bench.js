// Evaluations per second of npm zxcvbn over the passwords in argv[2] (one per line),
// for about two seconds. Prints one JSON line.
'use strict';
const fs = require('fs');
const zxcvbn = require('zxcvbn');

const passwords = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((p) => p.length > 0);
zxcvbn('warm up');
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
let n = 0;
let elapsed = 0;
while (elapsed < 2.0) {
  for (const p of passwords) {
    zxcvbn(p);
    n += 1;
  }
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const used = process.cpuUsage(cpu);
const cpuSecs = (used.user + used.system) / 1e6;
console.log(JSON.stringify({ op: 'npm_zxcvbn', evals_per_sec: n / elapsed, evals_per_cpu_sec: n / cpuSecs }));
