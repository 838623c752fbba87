package io.checkup.bench;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReader;
import io.checkup.testing.Medians;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.LoggerFactory;

/**
 * How much of a lint's time at deploy time is the state the processor is left in rather than the
 * linter's work: the same lint, fully compiled, measured in a tight loop (its code, data and branch
 * history stay in the processor), right after 64 MB have been written (data caches replaced), right
 * after that and a lint of a 10-flow-node model (the lint's code back in the caches, not the big
 * model's data), and right after Camunda has deployed another model of the same size on an H2
 * engine without the plugin (as at deploy time, where the engine's own work comes in between).
 * Medians, by model size. Run with {@code BENCH_CLASS=io.checkup.bench.LintCacheBenchmark bash
 * plugin/src/test/scripts/deploy-benchmark.sh}; figures in docs/benchmarks.md.
 */
public final class LintCacheBenchmark {

  private LintCacheBenchmark() {}

  private static final int[] SIZES = {50, 100, 250, 500};
  private static final int WARM_UP = 20_000;
  private static final int ROUNDS = 1_000;

  /** Written between lints: far more than this machine's caches hold. */
  private static final long[] OTHER_DATA = new long[64 * 1024 * 1024 / Long.BYTES];

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    RepositoryService engine = TestEngines.h2().build().getRepositoryService();
    Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
    XmlNode small = read(10);
    XmlNode[] models = new XmlNode[SIZES.length];
    for (int k = 0; k < SIZES.length; k++) {
      models[k] = read(SIZES[k]);
    }
    // every size in turn, until the linter's code is compiled by the optimising compiler
    for (int i = 0; i < WARM_UP; i++) {
      linter.lint(models[i % models.length]);
      linter.lint(small);
    }
    System.out.println();
    System.out.println(
        "| flow nodes | lint in a loop (µs) | after 64 MB written (µs) | after 64 MB and a 10-node"
            + " lint (µs) | the 10-node lint after 64 MB (µs) | after a Camunda deployment (µs) |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int k = 0; k < SIZES.length; k++) {
      double[] loop = new double[ROUNDS];
      double[] cold = new double[ROUNDS];
      double[] codeWarm = new double[ROUNDS];
      double[] smallCold = new double[ROUNDS];
      double[] afterDeployment = new double[ROUNDS];
      String other = ModelGenerator.structured("other" + SIZES[k], SIZES[k]);
      for (int i = 0; i < ROUNDS; i++) {
        loop[i] = timed(linter, models[k]);
        replaceCaches();
        cold[i] = timed(linter, models[k]);
        replaceCaches();
        smallCold[i] = timed(linter, small);
        codeWarm[i] = timed(linter, models[k]);
        engine.createDeployment().addString("other.bpmn", other).deploy();
        afterDeployment[i] = timed(linter, models[k]);
      }
      System.out.printf(
          "| %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
          SIZES[k],
          Medians.of(loop),
          Medians.of(cold),
          Medians.of(codeWarm),
          Medians.of(smallCold),
          Medians.of(afterDeployment));
    }
  }

  private static XmlNode read(int flowNodes) throws Exception {
    return XmlReader.read(
        ModelGenerator.structured("p" + flowNodes, flowNodes).getBytes(StandardCharsets.UTF_8));
  }

  private static double timed(Linter linter, XmlNode model) {
    long start = System.nanoTime();
    linter.lint(model);
    return (System.nanoTime() - start) / 1e3;
  }

  /** Writes one word per cache line of the whole array. */
  private static void replaceCaches() {
    for (int i = 0; i < OTHER_DATA.length; i += 8) {
      OTHER_DATA[i] += i;
    }
  }
}
