package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReadException;
import io.checkup.lint.xml.XmlReader;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.LoggerFactory;

/**
 * What linting adds to a deployment: a whole Camunda deployment of a model (parse, process
 * definition, database rows), and Camunda's parse alone (schema validation, element tree, process
 * definition), against everything the plugin does with the parsed tree at deploy time (convert it,
 * build the graph, run every default rule, log and keep the findings). Medians over repetitions
 * after warm-up (as JMH would), by model size. Run with
 * plugin/src/test/scripts/deploy-benchmark.sh; figures in docs/benchmarks.md.
 */
public final class DeployCostBenchmark {

  private DeployCostBenchmark() {}

  /** More warm-up rounds, to see the steady state: {@code -Dcheckup.bench.warmup=10}. */
  private static final int WARM_UP_FACTOR = Integer.getInteger("checkup.bench.warmup", 1);

  /** The model sizes of the deployment table, {@code -Dcheckup.bench.sizes=50,100} for some. */
  private static int[] sizes() {
    String sizes = System.getProperty("checkup.bench.sizes");
    if (sizes == null) {
      return new int[] {50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000};
    }
    String[] parts = sizes.split(",");
    int[] result = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      result[i] = Integer.parseInt(parts[i].trim());
    }
    return result;
  }

  public static void main(String[] args) {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.checkup"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
    ProcessEngine engine = TestEngines.h2().build();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // the engine's own parser, with the parse listeners it uses for every deployment
    BpmnParser parser =
        configuration.getDeployers().stream()
            .filter(deployer -> deployer instanceof BpmnDeployer)
            .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
            .findFirst()
            .orElseThrow();
    DeploymentLinter linter =
        new DeploymentLinter(
            new Linter(LintConfig.defaults(RuleCatalog.standard())), LintMode.WARN);
    System.out.println();
    System.out.println(
        "| flow nodes | Camunda deployment (ms) | of which parse (ms) | lint at deploy time (ms) "
            + "| lint / deployment | lint / parse | lint per 1,000 flow nodes (ms) |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int size : sizes()) {
      String xml = ModelGenerator.structured("p" + size, size);
      int repetitions = size <= 1_000 ? 60 : size <= 5_000 ? 20 : 8;
      // rounds before measuring, so the engine's parser and the linter both run compiled, as in
      // production
      int warmUp = (size <= 1_000 ? 30 : size <= 5_000 ? 10 : 3) * WARM_UP_FACTOR;
      double[] parse = new double[repetitions];
      double[] lint = new double[repetitions];
      double[] deploy = new double[repetitions];
      DeploymentEntity benchmarkDeployment = new DeploymentEntity();
      benchmarkDeployment.setId("benchmark");
      benchmarkDeployment.setName("benchmark");
      for (int i = -warmUp; i < repetitions; i++) {
        long start = System.nanoTime();
        Element root =
            configuration
                .getCommandExecutorTxRequired()
                .execute(
                    context -> {
                      DeploymentEntity deployment = new DeploymentEntity();
                      deployment.setId("benchmark");
                      deployment.setNew(true);
                      BpmnParse parse1 =
                          parser
                              .createParse()
                              .sourceString(xml)
                              .deployment(deployment)
                              .name("model.bpmn");
                      return parse1.execute().getRootElement();
                    });
        long parsed = System.nanoTime();
        linter.lintDeployment(
            benchmarkDeployment, "model.bpmn", root, List.of(), (message, element) -> {});
        long linted = System.nanoTime();
        // the whole deployment (parse, process definitions, database rows) on the engine without
        // the plugin
        long deployStart = System.nanoTime();
        engine.getRepositoryService().createDeployment().addString("model.bpmn", xml).deploy();
        long deployed = System.nanoTime();
        if (i >= 0) {
          parse[i] = (parsed - start) / 1e6;
          lint[i] = (linted - parsed) / 1e6;
          deploy[i] = (deployed - deployStart) / 1e6;
        }
      }
      double p = median(parse);
      double l = median(lint);
      double d = median(deploy);
      System.out.printf(
          "| %,d | %.2f | %.2f | %.2f | %.1f %% | %.1f %% | %.2f |%n",
          size, d, p, l, l / d * 100, l / p * 100, l / size * 1000);
    }
    engine.close();
    linearity();
  }

  /**
   * The linter alone, on a tree read once (graph and every default rule, no engine around it), by
   * model size: the time per 1,000 flow nodes stays flat when the work grows linearly.
   */
  private static void linearity() {
    Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));
    System.out.println();
    System.out.println("| flow nodes | lint (ms) | per 1,000 flow nodes (ms) |");
    System.out.println("| ---: | ---: | ---: |");
    for (int size : new int[] {1_000, 2_500, 5_000, 10_000, 15_000, 20_000}) {
      XmlNode root;
      try {
        root =
            XmlReader.read(
                ModelGenerator.structured("p" + size, size).getBytes(StandardCharsets.UTF_8));
      } catch (XmlReadException e) {
        throw new IllegalStateException(e);
      }
      double[] times = new double[21];
      for (int i = -30; i < times.length; i++) {
        long start = System.nanoTime();
        linter.lint(root);
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      double t = median(times);
      System.out.printf("| %,d | %.1f | %.2f |%n", size, t, t / size * 1000);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
