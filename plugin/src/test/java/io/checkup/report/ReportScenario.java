package io.checkup.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.Task;

/**
 * Known history for four accounts, driven through the engine at known times (the engine's clock is
 * moved):
 *
 * <ul>
 *   <li>acme "ACME Corp": users anna, bert directly, carl and dora through the group acmesales;
 *       sales and support deployed 200 days ago, sales again 10 days ago; launches 20, 5, 3 days
 *       ago and today; one open task overdue, one unassigned for 5 days. Its norms are lowered in
 *       {@link #CONFIG}: it is the healthy one.
 *   <li>globex, named like a spreadsheet formula: user erik; sales, a process named like a script,
 *       and a failing process deployed 40 days ago; a call task open since then (stuck), 12
 *       launches 2 days ago that all skip (two dead branches), an incident yesterday.
 *   <li>initech: no identity tenant, no users; support deployed 5 days ago, never run: a new
 *       tenant, its 7-day windows not judged yet.
 *   <li>the tenant-less part: user olga (in no tenant); sales deployed 30 days ago and again 3 days
 *       ago, two launches today.
 * </ul>
 */
public final class ReportScenario {

  public static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  static final String HOSTILE_TENANT_NAME = "=cmd|' /C calc'!A0";
  static final String HOSTILE_PROCESS_NAME = "<script>alert('x')</script>";

  /**
   * acme's lowered norms, a plan label, and a threshold for dead branches that the small traffic
   * reaches.
   */
  public static final String CONFIG =
      """
      {"deadBranchMinRuns": 10,
       "tenants": {"acme": {"plan": "Gold", "norms": {
         "launches.7d": {"min": 10, "max": 100}, "actions.24h": {"min": 20},
         "processes.active-7d": {"min": 2}, "launches.per-user-7d": {"min": 2}, "tasks.per-user-7d": {"min": 1},
         "models.total": {"min": 2}, "gateways.conditions": {"min": 2}, "gateways.multi-branch": {"min": 1},
         "elements.total": {"min": 10}, "elements.diversity": {"min": 5}}}}}
      """;

  private final ProcessEngine engine;

  public ReportScenario(ProcessEngine engine) {
    this.engine = engine;
  }

  static Instant daysAgo(int days) {
    return NOW.minus(2, ChronoUnit.HOURS).minus(days, ChronoUnit.DAYS);
  }

  public void run() {
    identity();
    clock(200);
    deploy("acme", "report/sales.bpmn", "report/support.bpmn");
    clock(40);
    deploy("globex", "report/sales.bpmn", "report/hostile.bpmn", "stats-failing.bpmn");
    sales("globex", "call", "erik");
    clock(30);
    deploy(null, "report/sales.bpmn");
    clock(20);
    repeat(6, () -> sales("acme", "skip", null));
    clock(10);
    deploy("acme", "report/sales.bpmn");
    clock(5);
    deploy("initech", "report/support.bpmn");
    sales("acme", "call", null);
    clock(3);
    deploy(null, "report/sales.bpmn");
    String first = sales("acme", "call", "anna");
    String second = sales("acme", "call", "anna");
    sales("acme", "mail", null);
    sales("acme", "mail", null);
    engine.getTaskService().complete(task(first).getId());
    engine.getTaskService().setDueDate(task(second).getId(), Date.from(daysAgo(1)));
    clock(2);
    repeat(12, () -> sales("globex", "skip", null));
    clock(1);
    fail("globex");
    clock(0);
    repeat(3, () -> sales("acme", "skip", null));
    sales("acme", "call", "bert");
    sales("acme", "mail", null);
    repeat(2, () -> start("acme", "support", Map.of("urgent", true, "vip", true)));
    start("acme", "support", Map.of("urgent", false));
    repeat(2, () -> sales(null, "skip", null));
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  private void identity() {
    IdentityService identity = engine.getIdentityService();
    for (String id : new String[] {"anna", "bert", "carl", "dora", "erik", "olga"}) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      identity.saveUser(user);
    }
    Tenant acme = identity.newTenant("acme");
    acme.setName("ACME Corp");
    identity.saveTenant(acme);
    Tenant globex = identity.newTenant("globex");
    globex.setName(HOSTILE_TENANT_NAME);
    identity.saveTenant(globex);
    Group sales = identity.newGroup("acmesales");
    identity.saveGroup(sales);
    identity.createMembership("carl", "acmesales");
    identity.createMembership("dora", "acmesales");
    identity.createTenantUserMembership("acme", "anna");
    identity.createTenantUserMembership("acme", "bert");
    identity.createTenantGroupMembership("acme", "acmesales");
    identity.createTenantUserMembership("globex", "erik");
  }

  private static void clock(int daysAgo) {
    ClockUtil.setCurrentTime(Date.from(daysAgo(daysAgo)));
  }

  private void deploy(String tenantId, String... models) {
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("report-test").tenantId(tenantId);
    for (String model : models) {
      deployment.addClasspathResource("models/" + model);
    }
    deployment.deploy();
  }

  private String sales(String tenantId, String route, String agent) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("route", route);
    variables.put("agent", agent);
    return start(tenantId, "sales", variables);
  }

  private String start(String tenantId, String key, Map<String, Object> variables) {
    ProcessInstantiationBuilder builder =
        engine.getRuntimeService().createProcessInstanceByKey(key);
    builder =
        tenantId == null
            ? builder.processDefinitionWithoutTenantId()
            : builder.processDefinitionTenantId(tenantId);
    return builder.setVariables(variables).execute().getId();
  }

  private Task task(String processInstanceId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .singleResult();
  }

  private void fail(String tenantId) {
    String instance = start(tenantId, "failing", Map.of());
    Job job =
        engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the delegate class does not exist: retries drop to 0 and the incident is created
    }
  }

  private static void repeat(int times, Runnable action) {
    for (int i = 0; i < times; i++) {
      action.run();
    }
  }
}
