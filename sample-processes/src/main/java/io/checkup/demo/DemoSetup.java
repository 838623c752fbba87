package io.checkup.demo;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.stats.Metric;
import io.checkup.stats.StatKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Sets up the demo's client companies so the check-up report has something to say on the first
 * start: tenants with users and groups, their processes deployed as if months ago, four weeks of
 * made-up statistics (written as the statistics' own rows, under the node id {@code demo-history}),
 * and a few instances left hanging for weeks.
 */
final class DemoSetup {

  static final String HISTORY_NODE = "demo-history";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final ProcessEngine engine;
  private final CheckupProcessEnginePlugin checkup;
  private final Random random = new Random(42);

  DemoSetup(ProcessEngine engine, CheckupProcessEnginePlugin checkup) {
    this.engine = engine;
    this.checkup = checkup;
  }

  /**
   * Idempotent: a tenant that exists already (a database kept from an earlier run) is left as it
   * is.
   */
  void run(List<DemoTenant> tenants) throws Exception {
    for (DemoTenant tenant : tenants) {
      if (engine.getIdentityService().createTenantQuery().tenantId(tenant.id()).count() > 0) {
        LOG.info("Demo tenant {} exists already; not set up again", tenant.id());
        continue;
      }
      identity(tenant);
      deploy(tenant);
      history(tenant);
      leftBehind(tenant);
      LOG.info(
          "Demo tenant {} ({}) set up: {} users, {} processes",
          tenant.id(),
          tenant.name(),
          tenant.users().size(),
          tenant.models().size() + (tenant.samples() ? samples().size() : 0));
    }
  }

  private void identity(DemoTenant tenant) {
    IdentityService identity = engine.getIdentityService();
    for (String groupId : List.of("sales", "managers", "support", "finance")) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    Tenant created = identity.newTenant(tenant.id());
    created.setName(tenant.name());
    identity.saveTenant(created);
    String staff = tenant.id() + "staff";
    Group staffGroup = identity.newGroup(staff);
    staffGroup.setName(tenant.name() + " staff");
    staffGroup.setType("WORKFLOW");
    identity.saveGroup(staffGroup);
    identity.createTenantGroupMembership(tenant.id(), staff);
    for (int i = 0; i < tenant.users().size(); i++) {
      String userId = tenant.users().get(i);
      User user = identity.newUser(userId);
      user.setFirstName(Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
      user.setLastName(tenant.name());
      user.setEmail(userId + "@" + tenant.id() + ".example");
      user.setPassword("demo");
      identity.saveUser(user);
      if (i < tenant.directMembers()) {
        identity.createTenantUserMembership(tenant.id(), userId);
      } else {
        identity.createMembership(userId, staff);
      }
      for (String groupId : List.of("sales", "managers", "support", "finance")) {
        identity.createMembership(userId, groupId);
      }
    }
  }

  /** The processes as first deployed long ago, and the one changed since, at those times. */
  private void deploy(DemoTenant tenant) throws IOException {
    long now = ClockUtil.getCurrentTime().getTime();
    try {
      ClockUtil.setCurrentTime(new Date(now - tenant.firstDeployedDaysAgo() * DAY));
      Map<String, byte[]> first = new LinkedHashMap<>();
      for (DemoModels.Model model : tenant.models()) {
        first.put(
            model.resourceName(),
            Bpmn.convertToString(model.model()).getBytes(StandardCharsets.UTF_8));
      }
      if (tenant.samples()) {
        for (Resource sample : samples()) {
          try (InputStream in = sample.getInputStream()) {
            first.put(sample.getFilename(), in.readAllBytes());
          }
        }
      }
      deployAcceptedOnes(tenant, tenant.name() + " processes", first);
      if (tenant.changedModel() != null) {
        ClockUtil.setCurrentTime(new Date(now - tenant.changedDaysAgo() * DAY));
        DemoModels.Model changed =
            tenant.models().stream()
                .filter(model -> model.key().equals(tenant.changedModel()))
                .findFirst()
                .orElseThrow();
        engine
            .getRepositoryService()
            .createDeployment()
            .tenantId(tenant.id())
            .name(changed.key() + " changed")
            .source("camunda-checkup demo")
            .addModelInstance(changed.resourceName(), changed.model())
            .deploy();
      }
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Deploys the resources together. In strict mode camunda-checkup refuses the whole deployment
   * when one model has an error, and the engine names the first such model only; the demo then
   * leaves out the models each refusal names (their findings are in the log) and tries the rest
   * again, as a team would deploy what passes, and says in one line what it left out.
   */
  private void deployAcceptedOnes(DemoTenant tenant, String name, Map<String, byte[]> resources) {
    Map<String, byte[]> accepted = new LinkedHashMap<>(resources);
    List<String> refusedNames = new ArrayList<>();
    while (true) {
      try {
        DeploymentBuilder deployment =
            engine
                .getRepositoryService()
                .createDeployment()
                .tenantId(tenant.id())
                .name(name)
                .source("camunda-checkup demo");
        accepted.forEach(
            (resource, bytes) ->
                deployment.addInputStream(resource, new ByteArrayInputStream(bytes)));
        deployment.deploy();
        break;
      } catch (ParseException refused) {
        int before = refusedNames.size();
        for (ResourceReport report : refused.getResorceReports()) {
          if (!report.getErrors().isEmpty() && accepted.remove(report.getResourceName()) != null) {
            refusedNames.add(report.getResourceName());
          }
        }
        if (refusedNames.size() == before || accepted.isEmpty()) {
          throw refused;
        }
      }
    }
    if (!refusedNames.isEmpty()) {
      LOG.info(
          "Demo tenant {}: strict mode refused {} (their findings are logged above); deployed the other {} "
              + "model(s)",
          tenant.id(),
          String.join(", ", refusedNames),
          accepted.size());
    }
  }

  static List<Resource> samples() throws IOException {
    return List.of(
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn"));
  }

  /**
   * {@link DemoTenant#HISTORY_DAYS} days of made-up counts up to this hour, by hour: launches,
   * completed elements, user tasks created and assigned to the tenant's working users.
   */
  private void history(DemoTenant tenant) throws Exception {
    // the copies of the lint showcase models are deployed, never used
    List<String> keys = new ArrayList<>();
    tenant.models().forEach(model -> keys.add(model.key()));
    long now = ClockUtil.getCurrentTime().getTime();
    long thisHour = now - Math.floorMod(now, HOUR);
    Map<StatKey, Long> counts = new HashMap<>();
    int assignee = 0;
    // each made-up day is a 24-hour span ending at this hour, so that the windows of the report
    // (the last 24 hours,
    // the last 7 days) hold the same amount whatever the time of day the demo starts
    for (int day = 0; day < tenant.launchesPerDay().length; day++) {
      long dayStart = thisHour - (tenant.launchesPerDay().length - day) * DAY;
      int launches =
          (int) Math.round(tenant.launchesPerDay()[day] * (0.9 + 0.2 * random.nextDouble()));
      for (int i = 0; i < launches; i++) {
        long period = dayStart + random.nextInt(24) * HOUR;
        String key = keys.get(i % keys.size());
        add(counts, tenant, key, Metric.INSTANCE_STARTED, "", period, 1);
        add(counts, tenant, key, Metric.INSTANCE_COMPLETED, "", period, 1);
        add(counts, tenant, key, Metric.ACTIVITY_TOTAL, "", period, 6 + random.nextInt(3));
        if (random.nextInt(10) < 6) {
          add(counts, tenant, key, Metric.TASK_CREATED, "task", period, 1);
          String user = tenant.workers().get(assignee++ % tenant.workers().size());
          add(counts, tenant, key, Metric.TASK_ASSIGNED, user, period, 1);
        }
      }
    }
    checkup.getStatistics().backfill(counts, HISTORY_NODE);
  }

  private static void add(
      Map<StatKey, Long> counts,
      DemoTenant tenant,
      String key,
      Metric metric,
      String dimension,
      long period,
      long value) {
    counts.merge(new StatKey(tenant.id(), key, metric, dimension, period), value, Long::sum);
  }

  /**
   * What a neglected account looks like: at the company with the fewest working users, requests
   * waiting for weeks without an owner and an integration that broke; elsewhere tasks that missed
   * their due date.
   */
  private void leftBehind(DemoTenant tenant) {
    if (tenant.workingUsers() == 1) {
      long now = ClockUtil.getCurrentTime().getTime();
      try {
        ClockUtil.setCurrentTime(new Date(now - 45 * DAY));
        for (int i = 0; i < 3; i++) {
          ProcessInstance instance =
              engine
                  .getRuntimeService()
                  .createProcessInstanceByKey("quoteRequest")
                  .processDefinitionTenantId(tenant.id())
                  .setVariables(Map.of("amount", 350 + i * 100, "variant", "A"))
                  .execute();
          if (i == 0) {
            String execution =
                engine
                    .getRuntimeService()
                    .createExecutionQuery()
                    .processInstanceId(instance.getId())
                    .activityId("review")
                    .singleResult()
                    .getId();
            engine
                .getRuntimeService()
                .createIncident(
                    "erpSync",
                    execution,
                    "crm-sync",
                    "ERP connection refused: the customer record was not created");
          }
        }
      } finally {
        ClockUtil.reset();
      }
    } else {
      for (int i = 0; i < tenant.overdueTasks(); i++) {
        ProcessInstance instance =
            engine
                .getRuntimeService()
                .createProcessInstanceByKey("quoteRequest")
                .processDefinitionTenantId(tenant.id())
                .setVariables(Map.of("amount", 450, "variant", "B"))
                .execute();
        Task task =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        engine.getTaskService().setAssignee(task.getId(), tenant.users().get(i));
        engine
            .getTaskService()
            .setDueDate(task.getId(), new Date(ClockUtil.getCurrentTime().getTime() - DAY));
      }
    }
  }
}
