#!/usr/bin/env bash
# Report time on PostgreSQL: 1,000 tenants x 20 process definitions, 30 days of statistics (docs/benchmarks.md).
# Run from anywhere; needs the local PostgreSQL server. Takes a few minutes, most of it deploying 20,000 definitions.
# Usage: report-benchmark.sh [keep] [reuse=SCHEMA]   (keep: leave the schema; reuse: measure again on a kept one)
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)" \
  io.checkup.report.ReportBenchmark "$@"
