package io.checkup.stats;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.Task;

/** Known traffic for the statistics tests, per tenant (null: no tenant). */
final class Traffic {

  private Traffic() {}

  /**
   * Holds the engine's clock in the middle of the current hour (UTC) and returns that instant:
   * traffic driven now cannot fall on two sides of an hour's (or a day's) end, whenever a test
   * runs. Tests reset the clock after.
   */
  static Instant holdClockMidHour() {
    Instant now =
        Instant.ofEpochMilli(UtcPeriods.hourStart(System.currentTimeMillis()) + 1_800_000L);
    ClockUtil.setCurrentTime(Date.from(now));
    return now;
  }

  static void deploy(ProcessEngine engine, String tenantId, String... models) {
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("traffic").tenantId(tenantId);
    for (String model : models) {
      deployment.addClasspathResource("models/" + model);
    }
    deployment.deploy();
  }

  static ProcessInstantiationBuilder start(ProcessEngine engine, String tenantId, String key) {
    ProcessInstantiationBuilder builder =
        engine.getRuntimeService().createProcessInstanceByKey(key);
    return tenantId == null
        ? builder.processDefinitionWithoutTenantId()
        : builder.processDefinitionTenantId(tenantId);
  }

  /**
   * {@code viaA} instances through the service task, one through the user task per approver (task
   * completed).
   */
  static void route(ProcessEngine engine, String tenantId, int viaA, String... approvers) {
    for (int i = 0; i < viaA; i++) {
      start(engine, tenantId, "routing").setVariables(Map.of("path", "a")).execute();
    }
    for (String approver : approvers) {
      String instance =
          start(engine, tenantId, "routing")
              .setVariables(Map.of("path", "b", "approver", approver))
              .execute()
              .getId();
      Task task =
          engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      engine.getTaskService().complete(task.getId());
    }
  }

  /** One instance whose job fails until it becomes an incident. */
  static void fail(ProcessEngine engine, String tenantId) {
    String instance = start(engine, tenantId, "failing").execute().getId();
    Job job =
        engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the missing class: retries drop to 0 and the incident is created
    }
  }

  /** The only definition of {@code key}, as the engine runs it (from its cache). */
  static ProcessDefinitionEntity definition(ProcessEngine engine, String key) {
    String id =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .singleResult()
            .getId();
    return (ProcessDefinitionEntity)
        ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
  }
}
