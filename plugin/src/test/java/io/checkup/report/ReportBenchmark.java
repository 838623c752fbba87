package io.checkup.report;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.page.ReportPages;
import io.checkup.testing.Medians;
import io.checkup.testing.TestDatabases;
import io.checkup.testing.TestEngines;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.LoggerFactory;

/**
 * Report time on PostgreSQL for 1,000 tenants with 20 process definitions each and 30 days of
 * statistics (docs/benchmarks.md). The definitions are deployed through the engine with the plugin
 * (so their profiles are stored as in production); tenants, users and the statistics rows are
 * written with SQL, shaped as the plugin writes them. Then: the report over all tenants on a
 * freshly started node (profiles read from the table, no model parsed), warm reports in JSON, CSV
 * and HTML, one tenant's report, and the same after two million rows of history were added. Run
 * with plugin/src/test/scripts/report-benchmark.sh; the schema is dropped at the end unless {@code
 * keep}; {@code reuse=SCHEMA} measures again on a kept schema.
 */
public final class ReportBenchmark {

  static final int TENANTS = 1_000;
  static final int PROCESSES = 20;
  static final int DAYS = 30;
  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.checkup"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.camunda"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    boolean keep = Arrays.asList(args).contains("keep");
    String reuse =
        Arrays.stream(args)
            .filter(arg -> arg.startsWith("reuse="))
            .map(arg -> arg.substring(6))
            .findFirst()
            .orElse(null);
    if (reuse != null) {
      // measure again on a schema kept from an earlier run (its data is a few hours or days older
      // then)
      warmedNode(reuse);
      CheckupProcessEnginePlugin checkup = plugin();
      ProcessEngine node = TestEngines.postgres(reuse).name("bench-node").plugin(checkup).build();
      try {
        measure(checkup, "kept schema " + reuse, true);
        snapshots(checkup, reuse);
      } finally {
        node.close();
      }
      return;
    }
    String schema = TestDatabases.newPostgresSchema();
    System.out.println("schema " + schema);
    try {
      long start = System.nanoTime();
      CheckupProcessEnginePlugin loader = plugin();
      ProcessEngineConfigurationImpl loading =
          TestEngines.postgres(schema).name("bench-load").plugin(loader).configuration();
      // keeps all 20,000 definitions in the cache while the open work is started (loading only)
      loading.setCacheCapacity(TENANTS * PROCESSES + 100);
      ProcessEngine engine = loading.buildProcessEngine();
      deployAll(engine);
      openWork(engine);
      engine.close();
      System.out.printf(
          "deployed %,d definitions and opened work in %.0f s%n",
          TENANTS * PROCESSES, (System.nanoTime() - start) / 1e9);
      long rows = populate(schema);
      System.out.printf(
          "wrote identity and %,d statistics rows in %.0f s%n",
          rows, (System.nanoTime() - start) / 1e9);
      analyze();

      warmedNode(schema);
      CheckupProcessEnginePlugin checkup = plugin();
      ProcessEngine node = TestEngines.postgres(schema).name("bench-node").plugin(checkup).build();
      try {
        measure(checkup, "fresh node", false);
        addHistory(schema);
        analyze();
        measure(checkup, "after 2,000,000 history rows", true);
        snapshots(checkup, schema);
      } finally {
        node.close();
      }
    } finally {
      if (!keep) {
        TestDatabases.dropPostgresSchema(schema);
      }
    }
  }

  /**
   * A node started with the report warm-up on (the default): how long it takes, and the first
   * report after it.
   */
  private static void warmedNode(String schema) throws Exception {
    CheckupProcessEnginePlugin checkup = plugin();
    TestEngines engines = TestEngines.postgres(schema).name("bench-warm").plugin(checkup);
    checkup.setReportWarmUp(true);
    long started = System.nanoTime();
    ProcessEngine node = engines.build();
    try {
      int tenants = checkup.getReport().lastWarmUp().orElseThrow().get();
      System.out.printf(
          "warmed node: engine built and report warmed up (%d tenants) %.0f ms after the build "
              + "started%n",
          tenants, (System.nanoTime() - started) / 1e6);
      long first = System.nanoTime();
      checkup.getReport().generate(ReportScope.all());
      System.out.printf(
          "warmed node: first report asked for %.0f ms%n", (System.nanoTime() - first) / 1e6);
    } finally {
      node.close();
    }
  }

  private static CheckupProcessEnginePlugin plugin() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    return checkup;
  }

  private static void measure(CheckupProcessEnginePlugin checkup, String label, boolean nextDay) {
    CheckupReport report = checkup.getReport();
    long worked = checkup.getModelProfiles().modelsWorkedOut();
    long first = System.nanoTime();
    Report all = report.generate(ReportScope.all());
    double firstMs = (System.nanoTime() - first) / 1e6;
    System.out.printf(
        "%s: first report %d tenants in %.0f ms (models parsed for it: %d)%n",
        label,
        all.tenants().size(),
        firstMs,
        checkup.getModelProfiles().modelsWorkedOut() - worked);
    double[] json = new double[7];
    double[] generate = new double[7];
    double[] csv = new double[7];
    double[] html = new double[7];
    double[] one = new double[7];
    int bytes = 0;
    for (int i = 0; i < json.length; i++) {
      long t0 = System.nanoTime();
      Report warm = report.generate(ReportScope.all());
      long t1 = System.nanoTime();
      bytes = ReportFormats.json(warm).length();
      long t2 = System.nanoTime();
      ReportFormats.csv(warm);
      long t3 = System.nanoTime();
      ReportPages.triage(warm, "/camunda/app/cockpit/default/");
      long t4 = System.nanoTime();
      report.generate(ReportScope.of(List.of("t" + (i * 97 % TENANTS))));
      long t5 = System.nanoTime();
      generate[i] = (t1 - t0) / 1e6;
      json[i] = (t2 - t0) / 1e6;
      csv[i] = (t3 - t2) / 1e6;
      html[i] = (t4 - t3) / 1e6;
      one[i] = (t5 - t4) / 1e6;
    }
    System.out.printf(
        "%s: all tenants (median of 7): generate %.0f ms, as JSON %.0f ms (%,d bytes); "
            + "CSV +%.0f ms, HTML +%.0f ms; one tenant %.0f ms%n",
        label,
        Medians.of(generate),
        Medians.of(json),
        bytes,
        Medians.of(csv),
        Medians.of(html),
        Medians.of(one));
    if (!nextDay) {
      return;
    }
    // the first report of the next day slides the kept settled window by one day instead of reading
    // it again
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + DAY));
    try {
      long next = System.nanoTime();
      report.generate(ReportScope.all());
      long asked = System.nanoTime();
      report.generate(ReportScope.all());
      System.out.printf(
          "%s: first report of the next day %.0f ms (what the warm-up does after midnight), the "
              + "next one %.0f ms%n",
          label, (asked - next) / 1e6, (System.nanoTime() - asked) / 1e6);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * The daily snapshots: the back-fill of every day the statistics reach (what a first start does),
   * then one day (what each night costs); then a tenant's history over 90 days, with 30 and with
   * 400 days of snapshots stored.
   */
  private static void snapshots(CheckupProcessEnginePlugin checkup, String schema)
      throws Exception {
    CheckupReport report = checkup.getReport();
    long start = System.nanoTime();
    List<java.time.LocalDate> filled = report.writeSnapshots();
    System.out.printf(
        "snapshots: back-fill of %d days x %d tenants %.1f s%n",
        filled.size(), TENANTS, (System.nanoTime() - start) / 1e9);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + DAY));
    try {
      long night = System.nanoTime();
      List<java.time.LocalDate> one = report.writeSnapshots();
      System.out.printf(
          "snapshots: one night (%d day x %d tenants) %.1f s%n",
          one.size(), TENANTS, (System.nanoTime() - night) / 1e9);
    } finally {
      ClockUtil.reset();
    }
    System.out.printf(
        "history of one tenant, 30 days, %d days stored: %.1f ms%n",
        filled.size() + 1, historyMs(report));
    // 400 days of snapshots: the earliest day copied back for each missing day
    try (Connection db = DriverManager.getConnection(TestDatabases.POSTGRES_URL, "postgres", "");
        Statement sql = db.createStatement()) {
      sql.execute("set search_path to " + schema);
      sql.executeUpdate(
          "insert into CHECKUP_SNAPSHOT (DAY_, TENANT_KEY_, TENANT_ID_, SCORE_, LEVEL_, "
              + "LEVEL_SINCE_, INDICATORS_) select s.DAY_ - k::bigint * "
              + DAY
              + ", s.TENANT_KEY_, s.TENANT_ID_, s.SCORE_, s.LEVEL_, s.LEVEL_SINCE_ - k::bigint * "
              + DAY
              + ", s.INDICATORS_ from CHECKUP_SNAPSHOT s, generate_series(1, 400 - "
              + (filled.size() + 1)
              + ") k where s.DAY_ = (select min(DAY_) from CHECKUP_SNAPSHOT)");
      sql.execute("analyze CHECKUP_SNAPSHOT");
    }
    System.out.printf(
        "history of one tenant, 30 days, 400 days stored: %.1f ms%n", historyMs(report));
  }

  private static double historyMs(CheckupReport report) {
    double[] times = new double[7];
    for (int i = 0; i < times.length; i++) {
      long t0 = System.nanoTime();
      report.history("t" + (i * 131 % TENANTS), 30);
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    return Medians.of(times);
  }

  /** One deployment per tenant with its 20 processes, first deployed between 0 and 399 days ago. */
  private static void deployAll(ProcessEngine engine) {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (int k = 0; k < PROCESSES; k++) {
      models.add(model("p" + k));
    }
    long now = System.currentTimeMillis();
    try {
      for (int t = 0; t < TENANTS; t++) {
        ClockUtil.setCurrentTime(new Date(now - (t % 400) * DAY));
        DeploymentBuilder deployment =
            engine
                .getRepositoryService()
                .createDeployment()
                .tenantId("t" + t)
                .name("t" + t + " processes");
        for (int k = 0; k < PROCESSES; k++) {
          deployment.addModelInstance("p" + k + ".bpmn", models.get(k));
        }
        deployment.deploy();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * 12 flow nodes: two user tasks, two splitting gateways with two flows each, a join, a timer on a
   * task.
   */
  static BpmnModelInstance model(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Process " + key)
        .camundaHistoryTimeToLive(30)
        .startEvent("start")
        .userTask("t1")
        .camundaCandidateGroups("staff")
        .boundaryEvent("late")
        .cancelActivity(false)
        .timerWithDuration("P3D")
        .endEvent("lateEnd")
        .moveToActivity("t1")
        .exclusiveGateway("g1")
        .sequenceFlowId("f_g1_a")
        .condition("f_g1_a", "${x > 5}")
        .serviceTask("s1")
        .camundaExpression("${true}")
        .exclusiveGateway("j1")
        .userTask("t2")
        .camundaAssignee("${owner}")
        .exclusiveGateway("g2")
        .sequenceFlowId("f_g2_a")
        .condition("f_g2_a", "${x > 8}")
        .serviceTask("s3")
        .camundaExpression("${true}")
        .endEvent("end1")
        .moveToLastGateway()
        .sequenceFlowId("f_g2_b")
        .condition("f_g2_b", "${x <= 8}")
        .endEvent("end2")
        .moveToNode("g1")
        .sequenceFlowId("f_g1_b")
        .condition("f_g1_b", "${x <= 5}")
        .serviceTask("s2")
        .camundaExpression("${true}")
        .connectTo("j1")
        .done();
  }

  /** Three open instances per tenant; one task per tenant is overdue. */
  private static void openWork(ProcessEngine engine) {
    for (int t = 0; t < TENANTS; t++) {
      for (int i = 0; i < 3; i++) {
        String instance =
            engine
                .getRuntimeService()
                .createProcessInstanceByKey("p" + i)
                .processDefinitionTenantId("t" + t)
                .setVariables(Map.of("x", i, "owner", "u" + t + "_0"))
                .execute()
                .getId();
        if (i == 0) {
          Task task =
              engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
          engine
              .getTaskService()
              .setDueDate(task.getId(), new Date(System.currentTimeMillis() - DAY));
        }
      }
    }
  }

  /**
   * Identity (1,000 tenants, 10 users each, 5 of them through a group) and the statistics rows the
   * plugin would have written: daily rows for 30 days and hourly rows for the last 2 days (10 busy
   * hours a day).
   */
  private static long populate(String schema) throws Exception {
    long now = System.currentTimeMillis();
    long today = now - Math.floorMod(now, DAY);
    try (Connection connection =
            DriverManager.getConnection(TestDatabases.POSTGRES_URL, "postgres", "");
        Statement sql = connection.createStatement()) {
      String p = schema + ".";
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_TENANT (ID_, REV_, NAME_) select 't' || t, 1, 'Tenant ' || t"
              + " from generate_series(0, "
              + (TENANTS - 1)
              + ") t");
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_USER (ID_, REV_, FIRST_) select 'u' || t || '_' || n, 1, 'User'"
              + " from generate_series(0, "
              + (TENANTS - 1)
              + ") t, generate_series(0, 9) n");
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) select 'g' || t, 1, 'Staff', 'WORKFLOW'"
              + " from generate_series(0, "
              + (TENANTS - 1)
              + ") t");
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) select 'u' || t || '_' || n, 'g' || t"
              + " from generate_series(0, "
              + (TENANTS - 1)
              + ") t, generate_series(5, 9) n");
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_) select 'm' || t || '_' || n,"
              + " 't' || t, 'u' || t || '_' || n from generate_series(0, "
              + (TENANTS - 1)
              + ") t, generate_series(0, 4) n");
      sql.execute(
          "insert into "
              + p
              + "ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, GROUP_ID_) select 'mg' || t, 't' || t,"
              + " 'g' || t from generate_series(0, "
              + (TENANTS - 1)
              + ") t");
      long rows = 0;
      for (int day = DAYS - 1; day >= 0; day--) {
        rows += statistics(sql, p, "D", List.of(today - day * DAY), now);
      }
      for (int day = 1; day >= 0; day--) {
        for (int hour = 8; hour < 18; hour++) {
          long start = today - day * DAY + hour * HOUR;
          if (start <= now) {
            rows += statistics(sql, p, "H", List.of(start), now);
          }
        }
      }
      return rows;
    }
  }

  /**
   * One period's rows for every tenant and process: what a busy day (or hour) of the 12-node model
   * writes.
   */
  private static long statistics(
      Statement sql, String p, String period, List<Long> starts, long now) throws Exception {
    if (starts.isEmpty()) {
      return 0;
    }
    // rows of periods that are over have been merged by the roll-up (node id '*'), as they are in a
    // running system
    long running =
        period.equals("D") ? now - Math.floorMod(now, DAY) : now - Math.floorMod(now, HOUR) - HOUR;
    String node = starts.get(0) < running ? "'*'" : "'bench'";
    int scale = period.equals("D") ? 20 : 2;
    String periods = String.join(", ", starts.stream().map(String::valueOf).toList());
    String metrics =
        "(values ('instance.started', '', 1.0), ('instance.completed', '', 0.9),"
            + " ('activity.total', '', 9.0), ('activity.ended', 'start', 1.0), ('activity.ended', 't1', 1.0),"
            + " ('activity.ended', 'g1', 1.0), ('activity.ended', 's1', 0.6), ('activity.ended', 's2', 0.4),"
            + " ('activity.ended', 'j1', 1.0), ('activity.ended', 't2', 1.0), ('activity.ended', 'g2', 1.0),"
            + " ('activity.ended', 's3', 0.2), ('activity.ended', 'end1', 0.2), ('activity.ended', 'end2', 0.8),"
            + " ('activity.ended', 'late', 0.1), ('flow.taken', 'f_g1_a', 0.6), ('flow.taken', 'f_g1_b', 0.4),"
            + " ('flow.taken', 'f_g2_a', 0.2), ('flow.taken', 'f_g2_b', 0.8), ('task.created', 't1', 1.0),"
            + " ('task.created', 't2', 1.0)) m(metric, dim, share)";
    int inserted =
        sql.executeUpdate(
            "insert into "
                + p
                + "CHECKUP_STAT (PERIOD_START_, PERIOD_, TENANT_ID_,"
                + " PROC_DEF_KEY_, METRIC_, DIMENSION_, VALUE_, NODE_ID_, CREATED_)"
                + " select s, '"
                + period
                + "', 't' || t, 'p' || k, m.metric, m.dim,"
                + " greatest(1, round(m.share * "
                + scale
                + " * (1 + (t % 7)))), "
                + node
                + ", "
                + now
                + " from unnest(array["
                + periods
                + "]::bigint[]) s, generate_series(0, "
                + (TENANTS - 1)
                + ") t,"
                + " generate_series(0, "
                + (PROCESSES - 1)
                + ") k, "
                + metrics
                // every tenth tenant never takes one branch: dead branches to find
                + " where not (t % 10 = 0 and m.dim = 'f_g1_b')");
    // assignments: per process 3 of the tenant's users, and the per-tenant totals the flusher
    // derives from them
    inserted +=
        sql.executeUpdate(
            "insert into "
                + p
                + "CHECKUP_STAT (PERIOD_START_, PERIOD_, TENANT_ID_,"
                + " PROC_DEF_KEY_, METRIC_, DIMENSION_, VALUE_, NODE_ID_, CREATED_)"
                + " select s, '"
                + period
                + "', 't' || t, 'p' || k, 'task.assigned', 'u' || t || '_' || ((k + n) % 10),"
                + " "
                + scale
                + ", "
                + node
                + ", "
                + now
                + " from unnest(array["
                + periods
                + "]::bigint[]) s,"
                + " generate_series(0, "
                + (TENANTS - 1)
                + ") t, generate_series(0, "
                + (PROCESSES - 1)
                + ") k,"
                + " generate_series(0, 2) n");
    inserted +=
        sql.executeUpdate(
            "insert into "
                + p
                + "CHECKUP_STAT (PERIOD_START_, PERIOD_, TENANT_ID_,"
                + " PROC_DEF_KEY_, METRIC_, DIMENSION_, VALUE_, NODE_ID_, CREATED_)"
                + " select s, '"
                + period
                + "', 't' || t, '', 'task.assignee', 'u' || t || '_' || n, "
                + (6 * scale)
                + ", "
                + node
                + ", "
                + now
                + " from unnest(array["
                + periods
                + "]::bigint[]) s,"
                + " generate_series(0, "
                + (TENANTS - 1)
                + ") t, generate_series(0, 9) n");
    return inserted;
  }

  /** Two million finished activity instances in the history: the report must not notice. */
  private static void addHistory(String schema) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(TestDatabases.POSTGRES_URL, "postgres", "");
        Statement sql = connection.createStatement()) {
      sql.execute(
          "insert into "
              + schema
              + ".ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_,"
              + " EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, TENANT_ID_)"
              + " select 'h' || i, 'p' || (i % 20), 'def', 'pi' || (i / 12), 'ex' || (i / 12), 'a' || (i % 12),"
              + " 'serviceTask', now() - interval '1 day', now(), 1, 't' || (i % "
              + TENANTS
              + ")"
              + " from generate_series(1, 2000000) i");
    }
    System.out.println("added 2,000,000 rows to ACT_HI_ACTINST");
  }

  /**
   * What autovacuum would have done long ago on a running system: statistics and the visibility
   * map.
   */
  private static void analyze() {
    TestDatabases.execute(TestDatabases.POSTGRES_URL, "postgres", "vacuum analyze");
  }
}
