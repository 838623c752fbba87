package io.checkup.stats;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import io.checkup.testing.WebhookReceiver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.slf4j.LoggerFactory;

/**
 * Engine throughput with and without the plugin, in the same run: process instances per second for
 * a 20-step process with a gateway and a user task (start, complete the task, end), job executor
 * off. In each round the two engines take turns, instance by instance; the table gives medians.
 * Arguments: {@code h2|postgres} and the history level. Run with
 * plugin/src/test/scripts/throughput-benchmark.sh; figures in docs/benchmarks.md.
 */
public final class ThroughputBenchmark {

  private static final int INSTANCES_PER_ROUND = 300;
  private static final int ROUNDS = Integer.getInteger("checkup.bench.rounds", 61);
  private static final int WARM_UP_ROUNDS = 8;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    String history = args.length > 1 ? args[1] : "full";
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.checkup"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<String> schemas = new ArrayList<>();
    // "calibrate": both engines without the plugin, to read the benchmark's own bias and noise
    boolean calibrate = args.length > 2 && args[2].equals("calibrate");
    // "hanging-alerts": both engines with the plugin, one of them delivering alerts to a receiver
    // that takes every request in and never answers, all through the run
    boolean hangingAlerts = args.length > 2 && args[2].equals("hanging-alerts");
    WebhookReceiver receiver = hangingAlerts ? WebhookReceiver.start().hang() : null;
    ProcessEngine without =
        engine(database, history, hangingAlerts ? new CheckupProcessEnginePlugin() : null, schemas);
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
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
    if (hangingAlerts) {
      checkup.setAlertsWebhookUrl(receiver.url());
      checkup.setAlertsTimeout("1h");
    }
    ProcessEngine with = engine(database, history, calibrate ? null : checkup, schemas);
    BpmnModelInstance model = twentySteps();
    for (ProcessEngine engine : List.of(without, with)) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("twenty.bpmn", model)
          .deploy();
    }
    if (hangingAlerts) {
      // a fresh installation: the tenant-less part is not healthy, so an alert is raised
      int raised = checkup.getAlerts().orElseThrow().evaluateNow().size();
      long end = System.nanoTime() + 30_000_000_000L;
      while (receiver.waiting() < raised && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      System.out.printf(
          "(%d alert(s) raised, %d delivery(ies) hanging)%n", raised, receiver.waiting());
    }
    for (int i = 0; i < WARM_UP_ROUNDS; i++) { // until the JIT has compiled what runs
      round(without, with);
    }
    double[] plain = new double[ROUNDS];
    double[] plugged = new double[ROUNDS];
    double[] cpuRatios = new double[ROUNDS];
    double[] plainCpu = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      double[] rates = round(without, with);
      plain[i] = rates[0];
      plugged[i] = rates[1];
      cpuRatios[i] = rates[3] / rates[2];
      plainCpu[i] = rates[2];
    }
    long counted = 0;
    if (!calibrate && checkup.getStatistics() != null) {
      checkup.getStatistics().flushNow();
      counted = checkup.getStatistics().query().metric(Metric.INSTANCE_COMPLETED).sum();
    }
    double a = median(plain);
    double b = median(plugged);
    // each round's two rates come from the same moments; the median of their ratios is least moved
    // by the machine's drift and by a round that a pause hit
    double[] ratios = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      ratios[i] = plugged[i] / plain[i];
    }
    System.out.println();
    System.out.printf(
        "(CPU time of the engine thread per instance without the plugin %.0f µs; with it, median of"
            + " paired rounds: %.1f %%)%n",
        median(plainCpu), median(cpuRatios) * 100);
    if (hangingAlerts) {
      System.out.printf(
          "(every hanging delivery still hangs at the end: %d waiting)%n", receiver.waiting());
    }
    System.out.println(
        hangingAlerts
            ? "| database | history | plugin without alerts (instances/s) | plugin with alerts to a"
                + " hanging receiver (instances/s) | with / without (median of paired rounds) |"
            : "| database | history | without plugin (instances/s) | with plugin (instances/s) "
                + "| with / without (median of paired rounds) |");
    System.out.println("| --- | --- | ---: | ---: | ---: |");
    System.out.printf(
        "| %s | %s | %.0f | %.0f | %.1f %% |%n", database, history, a, b, median(ratios) * 100);
    if (calibrate) {
      System.out.println("(calibration: both engines without the plugin)");
    } else {
      System.out.printf(
          "(the plugin counted %,d completed instances: every one of the run)%n", counted);
    }
    without.close();
    with.close();
    if (receiver != null) {
      receiver.close();
    }
    schemas.forEach(TestDatabases::dropPostgresSchema);
  }

  private static ProcessEngine engine(
      String database, String history, CheckupProcessEnginePlugin plugin, List<String> schemas) {
    TestEngines builder;
    if (database.equals("postgres")) {
      String schema = TestDatabases.newPostgresSchema();
      schemas.add(schema);
      builder = TestEngines.postgres(schema);
    } else {
      builder = TestEngines.h2();
    }
    builder.history(history);
    if (plugin != null) {
      builder.plugin(plugin);
    }
    return builder.build();
  }

  /**
   * One round: {@link #INSTANCES_PER_ROUND} instances on each engine, one after the other in turn
   * (which engine goes first alternates), each started and its user task completed; returns the
   * instances per second of each engine, counting only its own instances' time. Interleaving one by
   * one puts both engines under the same machine at every moment: on a shared 2-core machine the
   * speed drifts by more than the difference asked for within a second.
   */
  private static double[] round(ProcessEngine first, ProcessEngine second) {
    long[] nanos = new long[2];
    long[] cpu = new long[2];
    ProcessEngine[] engines = {first, second};
    for (int i = 0; i < INSTANCES_PER_ROUND; i++) {
      for (int turn = 0; turn < 2; turn++) {
        int which = (i + turn) % 2;
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        instance(engines[which], i);
        cpu[which] += THREADS.getCurrentThreadCpuTime() - startCpu;
        nanos[which] += System.nanoTime() - start;
      }
    }
    return new double[] {
      INSTANCES_PER_ROUND / (nanos[0] / 1e9),
      INSTANCES_PER_ROUND / (nanos[1] / 1e9),
      cpu[0] / 1000.0 / INSTANCES_PER_ROUND,
      cpu[1] / 1000.0 / INSTANCES_PER_ROUND
    };
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

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
