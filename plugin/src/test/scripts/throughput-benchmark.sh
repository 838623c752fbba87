#!/usr/bin/env bash
# Engine throughput with and without the plugin (docs/benchmarks.md). Run from the project root.
# Usage: throughput-benchmark.sh [h2|postgres] [full|audit|none] [calibrate|statistics|hanging-alerts]
# postgres: the local server, throwaway schemas. Eight engines, four of each kind, built A B B A B A A B after an idle
# one: without and with the plugin (-Dcheckup.bench.engines=N: N of each kind); calibrate: no engine with the plugin
# (the benchmark's own bias); statistics: the plugin everywhere, the first kind with statistics off; hanging-alerts:
# the plugin everywhere, the second kind delivering alerts to a receiver that never answers. JVM options in
# BENCH_JAVA_OPTS, e.g. -Dcheckup.bench.rounds=31 (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java ${BENCH_JAVA_OPTS:-} -cp "plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)" \
  io.checkup.stats.ThroughputBenchmark "${1:-h2}" "${2:-full}" ${3:-}
