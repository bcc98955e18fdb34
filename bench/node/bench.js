'use strict';
// Measures the sentence-sentiment throughput of npm peers on the same corpus file as the C# benchmarks
// (one sentence per line, articles separated by an empty line). Run pinned to one core: `taskset -c 0 node bench.js ...`.
// Usage: node bench.js <corpus.txt> [--seconds N] [--json out.json]
const fs = require('fs');
const { performance } = require('perf_hooks');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');

const args = process.argv.slice(2);
const corpusPath = args[0];
if (!corpusPath) {
  console.error('usage: node bench.js <corpus.txt> [--seconds N] [--json out.json]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const seconds = Number(option('--seconds', '5'));
const jsonOut = option('--json', null);

const sentences = fs.readFileSync(corpusPath, 'utf8').split('\n').filter((line) => line.length > 0);
const bytes = sentences.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);

const afinn = new Sentiment();
const peers = {
  'sentiment': (s) => afinn.analyze(s).comparative,
  'vader-sentiment': (s) => vader.SentimentIntensityAnalyzer.polarity_scores(s).compound,
};

function passOnce(score) {
  let sum = 0;
  for (let i = 0; i < sentences.length; i++) sum += score(sentences[i]);
  return sum;
}

const results = {};
for (const [name, score] of Object.entries(peers)) {
  // Warm up until the JIT has settled, then time whole passes over the corpus for about `seconds`.
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) passOnce(score);
  // Wall time per pass (median), and CPU time charged to this process over all passes: on a shared machine
  // the second does not fall with other processes' load.
  const timings = [];
  const stopAt = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  do {
    const t0 = performance.now();
    passOnce(score);
    timings.push(performance.now() - t0);
  } while (performance.now() < stopAt || timings.length < 3);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  timings.sort((a, b) => a - b);
  const medianMs = timings[Math.floor(timings.length / 2)];
  results[name] = {
    version: require(`${name}/package.json`).version,
    mbPerSecond: bytes / (medianMs / 1000) / 1e6,
    cpuMbPerSecond: (bytes * timings.length) / cpuSeconds / 1e6,
    medianMs,
    passes: timings.length,
  };
}

const report = { corpus: corpusPath, sentences: sentences.length, bytes, node: process.version, results };
console.log(JSON.stringify(report, null, 2));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2));
