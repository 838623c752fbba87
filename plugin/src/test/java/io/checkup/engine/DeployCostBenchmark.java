package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.model.NotBpmnException;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReadException;
import io.checkup.lint.xml.XmlReader;
import io.checkup.testing.Medians;
import io.checkup.testing.ModelGenerator;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * build the graph, run every default rule, log and keep the findings); then a whole deployment's
 * CPU time on an engine with the plugin against one without. Medians over repetitions after warm-up
 * (as JMH would), by model size. Run with plugin/src/test/scripts/deploy-benchmark.sh; figures in
 * docs/benchmarks.md.
 */
public final class DeployCostBenchmark {

  /**
   * What the engine's parse tells the lint of the benchmark's model, as it tells it in a
   * deployment: parsed without a problem (the parse above would have thrown otherwise).
   */
  private static final DeploymentLinter.ProblemSink TAKEN =
      new DeploymentLinter.ProblemSink() {
        @Override
        public void addError(
            String message, org.camunda.bpm.engine.impl.util.xml.Element element) {}

        @Override
        public boolean engineTookIt() {
          return true;
        }
      };

  private DeployCostBenchmark() {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  /** More warm-up rounds, to see the steady state: {@code -Dcheckup.bench.warmup=10}. */
  private static final int WARM_UP_FACTOR = Integer.getInteger("checkup.bench.warmup", 1);

  /**
   * Where a lint's time goes, by stage and by rule, in the state the table measures it: {@code
   * -Dcheckup.bench.stages=true} lints each round stage by stage (tree conversion, graph, then each
   * default rule on its own) instead of as a deployment does, and prints the medians of the
   * measured rounds under each row, with the slowest rules ({@code -Dcheckup.bench.slowest=60}
   * lists them all).
   */
  private static final boolean STAGES = Boolean.getBoolean("checkup.bench.stages");

  /**
   * The engine's database: {@code h2} (in memory, the default) or {@code postgres} (the local
   * server, a throwaway schema), {@code -Dcheckup.bench.database=postgres}.
   */
  private static final String DATABASE = System.getProperty("checkup.bench.database", "h2");

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
    String schema = DATABASE.equals("postgres") ? TestDatabases.newPostgresSchema() : null;
    ProcessEngine engine =
        (schema != null ? TestEngines.postgres(schema) : TestEngines.h2()).build();
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
    List<Rule> rules = LintConfig.defaults(RuleCatalog.standard()).activeRules();
    Linter[] eachRule = new Linter[rules.size()];
    for (int k = 0; k < eachRule.length; k++) {
      eachRule[k] = new Linter(LintConfig.defaults(RuleCatalog.of(List.of(rules.get(k)))));
    }
    System.out.println();
    System.out.println("(Camunda's deployments on " + DATABASE + ")");
    System.out.println(
        "| flow nodes | Camunda deployment (ms) | of which parse (ms) | lint at deploy time (ms) "
            + "| lint / deployment | lint / parse | lint per 1,000 flow nodes (ms) |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int size : sizes()) {
      String xml = ModelGenerator.structured("p" + size, size);
      int repetitions = size <= 1_000 ? 60 : size <= 5_000 ? 20 : 8;
      // rounds before measuring: enough for the engine's parser, whose methods run per element, to
      // be compiled; the linter's, called once per lint, are compiled by the optimising compiler
      // only after about 5,000 lints (-Dcheckup.bench.warmup=170 measures that steady state)
      int warmUp = (size <= 1_000 ? 30 : size <= 5_000 ? 10 : 3) * WARM_UP_FACTOR;
      double[] parse = new double[repetitions];
      double[] lint = new double[repetitions];
      double[] deploy = new double[repetitions];
      // each stage's time per measured round: medians, as a collection or a compilation in one
      // round would move a mean
      double[][] stages = new double[2 + rules.size()][repetitions];
      // the lint's own thread CPU time and allocation: steadier than wall time on a shared machine
      double[] lintCpu = new double[repetitions];
      double[] lintAllocated = new double[repetitions];
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
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        if (STAGES) {
          lintByStage(root, eachRule, stages, i);
        } else {
          linter.lintDeployment(benchmarkDeployment, "model.bpmn", root, List.of(), TAKEN);
        }
        long linted = System.nanoTime();
        long cpuAfter = THREADS.getCurrentThreadCpuTime();
        long allocatedAfter = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        // the whole deployment (parse, process definitions, database rows) on the engine without
        // the plugin
        long deployStart = System.nanoTime();
        engine.getRepositoryService().createDeployment().addString("model.bpmn", xml).deploy();
        long deployed = System.nanoTime();
        if (i >= 0) {
          parse[i] = (parsed - start) / 1e6;
          lint[i] = (linted - parsed) / 1e6;
          deploy[i] = (deployed - deployStart) / 1e6;
          lintCpu[i] = (cpuAfter - cpuBefore) / 1e6;
          lintAllocated[i] = (allocatedAfter - allocatedBefore) / 1024.0;
        }
      }
      double p = Medians.of(parse);
      double l = Medians.of(lint);
      double d = Medians.of(deploy);
      System.out.printf(
          "| %,d | %.2f | %.2f | %.2f | %.1f %% | %.1f %% | %.2f |%n",
          size, d, p, l, l / d * 100, l / p * 100, l / size * 1000);
      System.out.printf(
          "  (lint, medians: %.2f ms of the thread's CPU, %.1f KB allocated)%n",
          Medians.of(lintCpu), Medians.of(lintAllocated));
      if (STAGES) {
        printStages(stages, rules);
      }
    }
    engine.close();
    if (schema != null) {
      TestDatabases.dropPostgresSchema(schema);
    } else {
      wholePlugin();
    }
    linearity();
  }

  /**
   * Everything the plugin does on the deploying thread, default settings (lint, statistics' parse
   * listeners, the nesting guard, the findings and the model profile kept at commit): the same
   * model deployed in turn on an engine without and one with the plugin (which goes first
   * alternates), the deploying thread's CPU time of each, for the sizes up to 1,000 flow nodes. The
   * profile's row is made and stored by a thread of the plugin's own, not counted here.
   */
  private static void wholePlugin() {
    ProcessEngine without = TestEngines.h2().build();
    ProcessEngine with = TestEngines.h2().plugin(new CheckupProcessEnginePlugin()).build();
    System.out.println();
    System.out.println("(whole deployments, default settings, the deploying thread's CPU)");
    System.out.println(
        "| flow nodes | without the plugin (ms of CPU) | with the plugin (ms of CPU) | the plugin"
            + " adds |");
    System.out.println("| ---: | ---: | ---: | ---: |");
    for (int size : sizes()) {
      if (size > 1_000) {
        continue;
      }
      String xml = ModelGenerator.structured("p" + size, size);
      int repetitions = 60;
      double[] plain = new double[repetitions];
      double[] plugin = new double[repetitions];
      for (int i = -30 * WARM_UP_FACTOR; i < repetitions; i++) {
        boolean pluginFirst = (i & 1) == 0;
        double first = deployCpu(pluginFirst ? with : without, xml);
        double second = deployCpu(pluginFirst ? without : with, xml);
        if (i >= 0) {
          plugin[i] = pluginFirst ? first : second;
          plain[i] = pluginFirst ? second : first;
        }
      }
      double a = Medians.of(plain);
      double b = Medians.of(plugin);
      System.out.printf("| %,d | %.2f | %.2f | %.1f %% |%n", size, a, b, (b / a - 1) * 100);
    }
    with.close();
    without.close();
  }

  private static double deployCpu(ProcessEngine engine, String xml) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    engine.getRepositoryService().createDeployment().addString("model.bpmn", xml).deploy();
    return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
  }

  /** One lint, stage by stage, each stage's nanoseconds kept for measured round {@code round}. */
  private static void lintByStage(Element root, Linter[] eachRule, double[][] into, int round) {
    long start = System.nanoTime();
    XmlNode definitions = ElementConverter.convert(root);
    long converted = System.nanoTime();
    BpmnGraph graph;
    try {
      graph = GraphBuilder.build(definitions);
    } catch (NotBpmnException e) {
      throw new IllegalStateException(e);
    }
    long built = System.nanoTime();
    long[] ruleTimes = new long[eachRule.length];
    for (int k = 0; k < eachRule.length; k++) {
      long before = System.nanoTime();
      eachRule[k].lintTakenByEngine(graph);
      ruleTimes[k] = System.nanoTime() - before;
    }
    if (round < 0) {
      return; // a warm-up round
    }
    into[0][round] = converted - start;
    into[1][round] = built - converted;
    for (int k = 0; k < eachRule.length; k++) {
      into[2 + k][round] = ruleTimes[k];
    }
  }

  /**
   * The stages' medians in ms, and the rules that took longest ({@code -Dcheckup.bench.slowest=N}
   * of them, 5 unless told; a rule's time includes the linter's own few microseconds per lint).
   */
  private static void printStages(double[][] stages, List<Rule> rules) {
    double[] median = new double[stages.length];
    for (int k = 0; k < stages.length; k++) {
      median[k] = Medians.of(stages[k]) / 1e6;
    }
    double rulesTotal = 0;
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < rules.size(); k++) {
      rulesTotal += median[2 + k];
      order.add(k);
    }
    order.sort((a, b) -> Double.compare(median[2 + b], median[2 + a]));
    StringBuilder slowest = new StringBuilder();
    int shown = Math.min(Integer.getInteger("checkup.bench.slowest", 5), order.size());
    for (int k : order.subList(0, shown)) {
      slowest.append(
          String.format(" %s %.3f", rules.get(k).getClass().getSimpleName(), median[2 + k]));
    }
    System.out.printf(
        "  (stages, medians in ms: conversion %.3f, graph %.3f, rules %.3f (the sum of their"
            + " medians); slowest rules:%s)%n",
        median[0], median[1], rulesTotal, slowest);
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
      double t = Medians.of(times);
      System.out.printf("| %,d | %.1f | %.2f |%n", size, t, t / size * 1000);
    }
  }
}
