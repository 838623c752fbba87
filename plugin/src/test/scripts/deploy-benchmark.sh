#!/usr/bin/env bash
# Deploy-time cost of linting and lint time by model size (docs/benchmarks.md). Run from the project root.
# BENCH_JAVA_OPTS passes JVM options, e.g. "-Dcheckup.bench.sizes=50,100 -Dcheckup.bench.warmup=10".
# BENCH_CLASS=io.checkup.bench.LintCacheBenchmark runs the lint with warm and with replaced caches instead.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java ${BENCH_JAVA_OPTS:-} -cp "plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)" \
  "${BENCH_CLASS:-io.checkup.engine.DeployCostBenchmark}"
