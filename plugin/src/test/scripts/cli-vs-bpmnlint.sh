#!/usr/bin/env bash
# The command line linter against bpmnlint 11.15 on the same files, one run each, JVM start included
# (docs/benchmarks.md). Run from the project root after `mvn package`. Needs Node.js and npm; bpmnlint is installed
# into plugin/target/bpmnlint, never into the project. Directories given as arguments (e.g. a clone of
# bpmn-miwg/bpmn-miwg-test-suite) are timed too, every *.bpmn file under them.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
work=plugin/target/bench
mkdir -p "$work"
jar=plugin/target/checkup-cli.jar
[ -f "$jar" ] || { echo "build first: mvn -pl plugin package -DskipTests" >&2; exit 2; }

if [ ! -x plugin/target/bpmnlint/node_modules/.bin/bpmnlint ]; then
  mkdir -p plugin/target/bpmnlint
  (cd plugin/target/bpmnlint && npm init -y >/dev/null && npm install --no-audit --no-fund bpmnlint@11.15.0 >/dev/null)
fi
bpmnlint=$(pwd)/plugin/target/bpmnlint/node_modules/.bin/bpmnlint

# bpmnlint runs exactly the 24 rules both tools share; camunda-checkup runs its whole default catalog (34 rules)
cat > "$work/.bpmnlintrc" <<'RC'
{ "rules": { "ad-hoc-sub-process": "error", "conditional-event": "error", "conditional-flows": "error",
  "end-event-required": "error", "event-based-gateway": "error", "event-sub-process-typed-start-event": "error",
  "fake-join": "error", "global": "error", "label-required": "error", "link-event": "error",
  "no-complex-gateway": "error", "no-disconnected": "error", "no-duplicate-sequence-flows": "error",
  "no-gateway-join-fork": "error", "no-implicit-end": "error", "no-implicit-split": "error",
  "no-implicit-start": "error", "no-inclusive-gateway": "error", "single-blank-start-event": "error",
  "single-event-definition": "error", "start-event-required": "error", "sub-process-blank-start-event": "error",
  "superfluous-gateway": "error", "superfluous-termination": "error" } }
RC

# set 1: 100 realistic models (40-440 flow nodes, deployable); set 2: bpmnlint's own fixtures, when ../shared is here
rm -rf "$work/realistic"
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "plugin/target/test-classes:$(cat plugin/target/bench-classpath.txt)" io.checkup.bench.GenerateModels \
  "$work/realistic" 100
sets=("$(pwd)/$work/realistic")
[ -d ../shared/corpus/bpmnlint ] && sets+=("$(cd ../shared/corpus/bpmnlint && pwd)")
for extra in "$@"; do sets+=("$(cd "$extra" && pwd)"); done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

echo
echo "| file set | files | bpmnlint 11.15 (ms) | camunda-checkup CLI (ms) | speed-up | CLI in one JVM, -Dcheckup.cli.fork=false (ms) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for set in "${sets[@]}"; do
  files=$(find "$set" -name '*.bpmn' | wc -l)
  b=$(for i in 1 2 3 4 5; do (cd "$work" && timed "$bpmnlint" "$set/**/*.bpmn"); done | median)
  c=$(for i in 1 2 3 4 5; do timed java -jar "$jar" lint "$set"; done | median)
  o=$(for i in 1 2 3 4 5; do timed java -Dcheckup.cli.fork=false -jar "$jar" lint "$set"; done | median)
  echo "| $(basename "$set") | $files | $b | $c | $(awk "BEGIN {printf \"%.1f x\", $b / $c}") | $o |"
done
