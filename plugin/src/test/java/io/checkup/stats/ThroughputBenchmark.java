package io.checkup.stats;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.Medians;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import io.checkup.testing.WebhookReceiver;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.slf4j.LoggerFactory;

/**
 * Engine throughput with and without the plugin, in the same run: process instances per second for
 * a 20-step process with a gateway and a user task (start, complete the task, end), job executor
 * off. Eight engines, four of each kind built in the order A B B A B A A B after an idle one, take
 * turns instance by instance; the table gives medians. Arguments: {@code h2|postgres} and the
 * history level. Run with plugin/src/test/scripts/throughput-benchmark.sh; figures in
 * docs/benchmarks.md.
 */
public final class ThroughputBenchmark {

  private static final int INSTANCES_PER_ROUND = 300;
  private static final int ROUNDS = Integer.getInteger("checkup.bench.rounds", 61);
  private static final int WARM_UP_ROUNDS = 8;

  /**
   * Engines of each kind. Engines built alike run at rates up to 6 % apart for the whole run (which
   * statements their database keeps parsed, and the like), as much as what is measured; each kind's
   * rate is its engines' together, so more engines per kind average that out.
   */
  private static final int ENGINES_PER_KIND = Integer.getInteger("checkup.bench.engines", 4);

  /** H2's cache of parsed statements per connection, when the run sets one (H2's default: 8). */
  private static final Integer H2_STATEMENT_CACHE = Integer.getInteger("checkup.bench.h2cache");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (ENGINES_PER_KIND < 1 || INSTANCES_PER_ROUND % ENGINES_PER_KIND != 0) {
      throw new IllegalArgumentException(
          "checkup.bench.engines must divide " + INSTANCES_PER_ROUND + ": " + ENGINES_PER_KIND);
    }
    String database = args.length > 0 ? args[0] : "h2";
    String history = args.length > 1 ? args[1] : "full";
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.checkup"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<String> schemas = new ArrayList<>();
    // "calibrate": every engine without the plugin, to read the benchmark's own bias and noise
    boolean calibrate = args.length > 2 && args[2].equals("calibrate");
    // "hanging-alerts": every engine with the plugin, those of the second kind delivering alerts to
    // a receiver that takes every request in and never answers, all through the run
    boolean hangingAlerts = args.length > 2 && args[2].equals("hanging-alerts");
    WebhookReceiver receiver = hangingAlerts ? WebhookReceiver.start().hang() : null;
    // "statistics": every engine with the plugin, those of the first kind with statistics off, to
    // tell the statistics' cost from the rest of the plugin's
    boolean statisticsOnly = args.length > 2 && args[2].equals("statistics");
    // built in the order A B B A B A A B (Thue-Morse): an engine built later runs a little slower
    // for no reason of its own (about 1 to 3 % in calibration runs); each kind gets as many early
    // as late engines, even if the slowing is not linear in the order
    List<CheckupProcessEnginePlugin> measured = new ArrayList<>();
    // the first engine a JVM builds ran the fastest in most runs (13 of 18 on 2026-12-03, by up to
    // 4 %), whatever its kind: one is built first and left idle, so that no measured engine is it
    ProcessEngine first =
        Boolean.parseBoolean(System.getProperty("checkup.bench.idleFirst", "true"))
            ? engine(database, history, null, schemas)
            : null;
    ProcessEngine[] engines = new ProcessEngine[2 * ENGINES_PER_KIND];
    for (int i = 0; i < engines.length; i++) {
      boolean secondKind = kindOf(i) == 1;
      CheckupProcessEnginePlugin plugin = null;
      if (hangingAlerts) {
        plugin = new CheckupProcessEnginePlugin();
        if (secondKind) {
          plugin.setAlertsWebhookUrl(receiver.url());
          plugin.setAlertsTimeout("1h");
          measured.add(plugin);
        }
      } else if (statisticsOnly && !secondKind) {
        plugin = new CheckupProcessEnginePlugin();
        plugin.setStatsEnabled(false);
      } else if (secondKind && !calibrate) {
        plugin = configured(new CheckupProcessEnginePlugin());
        measured.add(plugin);
      }
      engines[i] = engine(database, history, plugin, schemas);
    }
    BpmnModelInstance model = twentySteps();
    for (ProcessEngine engine : engines) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("twenty.bpmn", model)
          .deploy();
    }
    if (hangingAlerts) {
      // a fresh installation: the tenant-less part is not healthy, so an alert is raised
      int raised = 0;
      for (CheckupProcessEnginePlugin plugin : measured) {
        raised += plugin.getAlerts().orElseThrow().evaluateNow().size();
      }
      long end = System.nanoTime() + 30_000_000_000L;
      while (receiver.waiting() < raised && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      System.out.printf(
          "(%d alert(s) raised, %d delivery(ies) hanging)%n", raised, receiver.waiting());
    }
    for (int i = 0; i < WARM_UP_ROUNDS; i++) { // until the JIT has compiled what runs
      round(engines);
    }
    Round[] rounds = new Round[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      rounds[i] = round(engines);
    }
    long counted = 0;
    boolean counting = false;
    boolean countsWrong = false;
    for (CheckupProcessEnginePlugin plugin : measured) {
      if (plugin.getStatistics().isCollecting()) {
        counting = true;
        plugin.getStatistics().flushNow();
        counted += plugin.getStatistics().query().metric(Metric.INSTANCE_COMPLETED).sum();
      }
    }
    // what each kind is, for the printout
    String firstKind =
        hangingAlerts
            ? "without alerts"
            : statisticsOnly ? "with statistics off" : "without the plugin";
    String secondKind =
        hangingAlerts
            ? "with alerts to a hanging receiver"
            : statisticsOnly ? "with statistics on" : "with it";
    String header =
        hangingAlerts
            ? "| database | history | plugin without alerts (instances/s) | plugin with alerts to a"
                + " hanging receiver (instances/s) | with / without (median of paired rounds) |"
            : statisticsOnly
                ? "| database | history | plugin, statistics off (instances/s) | plugin, statistics on"
                    + " (instances/s) | on / off (median of paired rounds) |"
                : "| database | history | without plugin (instances/s) | with plugin (instances/s) "
                    + "| with / without (median of paired rounds) |";
    System.out.println();
    // each round's figures of both kinds come from the same moments; the median of their ratios is
    // least moved by the machine's drift and by a round that a pause hit
    System.out.printf(
        "(engine thread per instance %s: %.0f µs CPU, %.1f KB allocated; %s, median of paired"
            + " rounds: %.1f %% CPU, %+.2f KB allocated)%n",
        firstKind,
        median(rounds, r -> r.cpu[0]),
        median(rounds, r -> r.allocated[0]) / 1024,
        secondKind,
        median(rounds, r -> r.cpu[1] / r.cpu[0]) * 100,
        median(rounds, r -> r.allocated[1] - r.allocated[0]) / 1024);
    StringBuilder order = new StringBuilder();
    StringBuilder rates = new StringBuilder();
    for (int e = 0; e < engines.length; e++) {
      int engine = e;
      order.append(e == 0 ? "" : " ").append(kindOf(e) == 0 ? 'A' : 'B');
      rates
          .append(e == 0 ? "" : " / ")
          .append(Math.round(median(rounds, r -> r.engineRate[engine])));
    }
    System.out.printf("(each engine, in the order built, %s: %s instances/s)%n", order, rates);
    if (hangingAlerts) {
      System.out.printf(
          "(every hanging delivery still hangs at the end: %d waiting)%n", receiver.waiting());
    }
    System.out.println(header);
    System.out.println("| --- | --- | ---: | ---: | ---: |");
    System.out.printf(
        "| %s | %s | %.0f | %.0f | %.1f %% |%n",
        database,
        history,
        median(rounds, r -> r.rate[0]),
        median(rounds, r -> r.rate[1]),
        median(rounds, r -> r.rate[1] / r.rate[0]) * 100);
    if (calibrate) {
      System.out.println("(calibration: no engine with the plugin)");
    } else if (!counting) {
      System.out.println("(statistics off: nothing counted)");
    } else {
      long completed = (long) (WARM_UP_ROUNDS + ROUNDS) * INSTANCES_PER_ROUND;
      if (counted == completed) {
        System.out.printf(
            "(the plugin counted %,d completed instances: every one of the run)%n", counted);
      } else {
        System.out.printf(
            "(COUNTS WRONG: the plugin counted %,d completed instances of the run's %,d)%n",
            counted, completed);
        countsWrong = true;
      }
    }
    if (first != null) {
      first.close();
    }
    for (ProcessEngine engine : engines) {
      engine.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    schemas.forEach(TestDatabases::dropPostgresSchema);
    if (countsWrong) {
      System.exit(1);
    }
  }

  /** The plugin as the run's system properties want it (docs/benchmarks.md). */
  private static CheckupProcessEnginePlugin configured(CheckupProcessEnginePlugin checkup) {
    if (System.getProperty("checkup.bench.flush") != null) {
      checkup.setStatsFlushInterval(System.getProperty("checkup.bench.flush"));
    }
    if (System.getProperty("checkup.bench.stats") != null) {
      checkup.setStatsEnabled(Boolean.getBoolean("checkup.bench.stats"));
    }
    if (Boolean.getBoolean("checkup.bench.quiet")) {
      checkup.setReportWarmUp(false);
      checkup.setReportSnapshots(false);
    }
    return checkup;
  }

  private static ProcessEngine engine(
      String database, String history, CheckupProcessEnginePlugin plugin, List<String> schemas) {
    TestEngines builder;
    if (database.equals("postgres")) {
      String schema = TestDatabases.newPostgresSchema();
      schemas.add(schema);
      builder = TestEngines.postgres(schema);
    } else if (H2_STATEMENT_CACHE != null) {
      builder =
          TestEngines.h2Shared(
              "bench-" + UUID.randomUUID() + ";QUERY_CACHE_SIZE=" + H2_STATEMENT_CACHE);
    } else {
      builder = TestEngines.h2();
    }
    builder.history(history);
    if (plugin != null) {
      builder.plugin(plugin);
    }
    return builder.build();
  }

  /** The kind of the i-th engine built: 0, 1, 1, 0, 1, 0, 0, 1, ... (Thue-Morse). */
  private static int kindOf(int engine) {
    return Integer.bitCount(engine) % 2;
  }

  /**
   * What one round measured of each kind (index 0: the engines built as A, 1: those built as B):
   * instances per second counting only the kind's own instances' time, and the engine thread's CPU
   * time (µs) and allocated bytes per instance; and each engine's instances per second, in the
   * order they were built.
   */
  private record Round(double[] rate, double[] cpu, double[] allocated, double[] engineRate) {}

  /**
   * One round: {@link #INSTANCES_PER_ROUND} instances of each kind, shared evenly by its engines,
   * all engines taking turns one instance at a time (which goes first rotates), each started and
   * its user task completed. Interleaving one by one puts all engines under the same machine at
   * every moment: on a shared 2-core machine the speed drifts by more than the difference asked for
   * within a second.
   */
  private static Round round(ProcessEngine[] engines) {
    long[] nanos = new long[engines.length];
    long[] cpu = new long[engines.length];
    long[] allocated = new long[engines.length];
    int perEngine = INSTANCES_PER_ROUND / ENGINES_PER_KIND;
    for (int i = 0; i < perEngine; i++) {
      for (int turn = 0; turn < engines.length; turn++) {
        int which = (i + turn) % engines.length;
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long startAllocated = THREADS.getCurrentThreadAllocatedBytes();
        instance(engines[which], i);
        allocated[which] += THREADS.getCurrentThreadAllocatedBytes() - startAllocated;
        cpu[which] += THREADS.getCurrentThreadCpuTime() - startCpu;
        nanos[which] += System.nanoTime() - start;
      }
    }
    long[] kindNanos = new long[2];
    long[] kindCpu = new long[2];
    long[] kindAllocated = new long[2];
    double[] engineRate = new double[engines.length];
    for (int e = 0; e < engines.length; e++) {
      kindNanos[kindOf(e)] += nanos[e];
      kindCpu[kindOf(e)] += cpu[e];
      kindAllocated[kindOf(e)] += allocated[e];
      engineRate[e] = perEngine / (nanos[e] / 1e9);
    }
    double[] rate = new double[2];
    double[] cpuPerInstance = new double[2];
    double[] allocatedPerInstance = new double[2];
    for (int kind = 0; kind < 2; kind++) {
      rate[kind] = INSTANCES_PER_ROUND / (kindNanos[kind] / 1e9);
      cpuPerInstance[kind] = kindCpu[kind] / 1000.0 / INSTANCES_PER_ROUND;
      allocatedPerInstance[kind] = (double) kindAllocated[kind] / INSTANCES_PER_ROUND;
    }
    return new Round(rate, cpuPerInstance, allocatedPerInstance, engineRate);
  }

  private static void instance(ProcessEngine engine, int i) {
    String instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("twenty", Map.of("amount", i % 3 == 0 ? 500 : 50))
            .getId();
    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    engine.getTaskService().complete(task.getId());
  }

  /** 20 steps: service tasks, an exclusive decision with two branches, a user task. */
  static BpmnModelInstance twentySteps() {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess("twenty").camundaHistoryTimeToLive(1).startEvent("start");
    for (int i = 1; i <= 6; i++) {
      builder = builder.serviceTask("prepare" + i).camundaExpression("${true}");
    }
    builder =
        builder
            .exclusiveGateway("decide")
            .condition("large", "${amount >= 100}")
            .serviceTask("large1")
            .camundaExpression("${true}")
            .serviceTask("large2")
            .camundaExpression("${true}")
            .exclusiveGateway("merge")
            .moveToNode("decide")
            .condition("small", "${amount < 100}")
            .serviceTask("small1")
            .camundaExpression("${true}")
            .serviceTask("small2")
            .camundaExpression("${true}")
            .connectTo("merge")
            .moveToNode("merge")
            .userTask("review")
            .camundaAssignee("demo");
    for (int i = 1; i <= 6; i++) {
      builder = builder.serviceTask("finish" + i).camundaExpression("${true}");
    }
    return builder.endEvent("end").done();
  }

  private static double median(Round[] rounds, ToDoubleFunction<Round> figure) {
    return Medians.of(Arrays.stream(rounds).mapToDouble(figure).toArray());
  }
}
