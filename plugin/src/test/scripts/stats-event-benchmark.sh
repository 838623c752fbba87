#!/usr/bin/env bash
# The statistics' cost in JMH (docs/benchmarks.md): StatsEventBenchmark (counted events inside one command, the
# default) or EngineInstanceBenchmark (a whole instance with and without the plugin). Run from the project root;
# arguments go to JMH, e.g. `EngineInstanceBenchmark -p plugin=without,with -f 1`. About 2 to 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -B -pl plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "plugin/target/test-classes:plugin/target/classes:$(cat plugin/target/bench-classpath.txt)" \
  org.openjdk.jmh.Main "${@:-StatsEventBenchmark}"
