package io.checkup.demo.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;

/**
 * What the Cockpit tests look at: two client tenants, each with a member, and in each the same
 * model with a classic deadlock (an exclusive split whose branches meet at a parallel join), whose
 * join is named with markup that must never run. Alpha's gateway ran 100 times and always took
 * 'small' (so 'large' is a dead branch), beta's ran 3 times; the same model deployed without a
 * tenant ran once.
 */
final class CockpitFixture {

  static final String KEY = "orderCheck";
  static final String JOIN = "join";
  static final String HOSTILE_NAME = "<img src=x onerror=\"window.checkupXss=1\">Both checked";
  static final int ALPHA_RUNS = 100;
  static final int BETA_RUNS = 3;

  final String alphaDefinition;
  final String betaDefinition;
  final String tenantLessDefinition;

  private CockpitFixture(String alpha, String beta, String tenantLess) {
    this.alphaDefinition = alpha;
    this.betaDefinition = beta;
    this.tenantLessDefinition = tenantLess;
  }

  static CockpitFixture create(ProcessEngine engine, CheckupProcessEnginePlugin checkup) {
    IdentityService identity = engine.getIdentityService();
    user(identity, "ulla");
    user(identity, "gus");
    tenant(identity, "alpha", "Alpha Inc", "ulla");
    tenant(identity, "beta", "Beta Ltd", "gus");
    String alpha = deploy(engine, "alpha");
    String beta = deploy(engine, "beta");
    String tenantLess = deploy(engine, null);
    start(engine, null, 100);
    for (int i = 0; i < ALPHA_RUNS; i++) {
      start(engine, "alpha", 100);
    }
    for (int i = 0; i < BETA_RUNS; i++) {
      start(engine, "beta", 900);
    }
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    return new CockpitFixture(alpha, beta, tenantLess);
  }

  /**
   * An order check whose join waits forever (a deadlock, an error) and whose only end terminates (a
   * superfluous termination, a warning): badges of two severities on one diagram.
   */
  static BpmnModelInstance model() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .name("Order check")
            .camundaHistoryTimeToLive(30)
            .startEvent("start")
            .exclusiveGateway("amount")
            .name("Amount?")
            .sequenceFlowId("small")
            .condition("small", "${amount < 500}")
            .manualTask("checkSmall")
            .name("Check small order")
            .parallelGateway(JOIN)
            .name(HOSTILE_NAME)
            .endEvent("end")
            .moveToNode("amount")
            .sequenceFlowId("large")
            .condition("large", "${amount >= 500}")
            .manualTask("checkLarge")
            .name("Check large order")
            .connectTo(JOIN)
            .done();
    EndEvent end = model.getModelElementById("end");
    end.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
    return model;
  }

  private static String deploy(ProcessEngine engine, String tenantId) {
    String deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(tenantId + " order check")
            .tenantId(tenantId) // null: deployed without a tenant
            .addModelInstance(KEY + ".bpmn", model())
            .deploy()
            .getId();
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .deploymentId(deployment)
        .singleResult()
        .getId();
  }

  private static void start(ProcessEngine engine, String tenantId, int amount) {
    var instance = engine.getRuntimeService().createProcessInstanceByKey(KEY);
    (tenantId == null
            ? instance.processDefinitionWithoutTenantId()
            : instance.processDefinitionTenantId(tenantId))
        .setVariable("amount", amount)
        .execute();
  }

  private static void user(IdentityService identity, String id) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Tester");
    user.setPassword("secret");
    identity.saveUser(user);
  }

  private static void tenant(IdentityService identity, String id, String name, String member) {
    var tenant = identity.newTenant(id);
    tenant.setName(name);
    identity.saveTenant(tenant);
    identity.createTenantUserMembership(id, member);
  }
}
