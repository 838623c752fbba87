#!/usr/bin/env bash
# The cost of one counted event inside an engine command, with and without the statistics (JMH;
# docs/benchmarks.md). Run from the project root; extra arguments go to JMH (e.g. -p events=20).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)" \
  org.openjdk.jmh.Main StatsEventBenchmark "$@"
