// Merges Stryker reports of separate runs (each `--mutate`-ing a part of the scope, with its own
// `--incrementalFile`) into one report, by default reports/stryker-incremental.json, so that the
// next `pnpm test:mutation` reuses all of them. Test ids are per run: they are renumbered by
// (test file, test name), and each mutant's coveredBy/killedBy follow.
//   node scripts/merge-mutation-reports.mjs OUT.json IN1.json IN2.json ...
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: node scripts/merge-mutation-reports.mjs OUT.json IN.json...');
  process.exit(2);
}

const merged = { files: {}, testFiles: {} };
const idOf = new Map(); // "file\0name" -> new id
const testsByFile = new Map(); // file -> Map(name -> test)

for (const input of inputs) {
  const report = JSON.parse(readFileSync(input, 'utf8'));
  for (const [k, v] of Object.entries(report)) if (!(k in merged)) merged[k] = v;
  const renumber = new Map();
  for (const [file, tf] of Object.entries(report.testFiles ?? {})) {
    if (!testsByFile.has(file)) {
      testsByFile.set(file, new Map());
      merged.testFiles[file] = { ...tf, tests: [] };
    }
    const known = testsByFile.get(file);
    for (const test of tf.tests) {
      const key = `${file}\0${test.name}`;
      if (!idOf.has(key)) idOf.set(key, String(idOf.size));
      const id = idOf.get(key);
      renumber.set(test.id, id);
      if (!known.has(test.name)) {
        const copy = { ...test, id };
        known.set(test.name, copy);
        merged.testFiles[file].tests.push(copy);
      }
    }
  }
  const map = (ids) => ids?.map((id) => renumber.get(id) ?? id);
  for (const [file, f] of Object.entries(report.files)) {
    merged.files[file] = {
      ...f,
      mutants: f.mutants.map((m) => ({
        ...m,
        ...(m.coveredBy ? { coveredBy: map(m.coveredBy) } : {}),
        ...(m.killedBy ? { killedBy: map(m.killedBy) } : {}),
      })),
    };
  }
}
writeFileSync(out, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`${out}: ${Object.keys(merged.files).length} files, ${idOf.size} tests`);
