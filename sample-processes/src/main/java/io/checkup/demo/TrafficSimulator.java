package io.checkup.demo;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live traffic for the demo's client companies while it runs: each second, launches at each
 * company's rate, and its working users claim and finish the tasks that have waited a little. The
 * statistics count all of it like real work.
 */
final class TrafficSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);

  private final ProcessEngine engine;
  private final List<DemoTenant> tenants;
  private final Random random = new Random();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "checkup-demo-traffic");
            thread.setDaemon(true);
            return thread;
          });
  private long ticks;

  TrafficSimulator(ProcessEngine engine, List<DemoTenant> tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void start() {
    scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    LOG.info(
        "Demo traffic simulator started ({}); switch it off with --checkup.demo.simulate=false",
        String.join(
            ", ", tenants.stream().map(t -> t.id() + " " + t.livePerMinute() + "/min").toList()));
  }

  private void tick() {
    ticks++;
    for (DemoTenant tenant : tenants) {
      try {
        double expected = tenant.livePerMinute() / 60.0;
        int launches = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        for (int i = 0; i < launches; i++) {
          DemoModels.Model model = tenant.models().get(random.nextInt(tenant.models().size()));
          engine
              .getRuntimeService()
              .createProcessInstanceByKey(model.key())
              .processDefinitionTenantId(tenant.id())
              .setVariables(
                  Map.of(
                      "amount", random.nextInt(1000), "variant", random.nextBoolean() ? "A" : "B"))
              .execute();
        }
        // a company with one working user gets round to its tasks rarely
        if (tenant.workingUsers() > 1 || ticks % 30 == 0) {
          work(tenant);
        }
      } catch (RuntimeException e) {
        LOG.debug("Demo traffic for {} failed: {}", tenant.id(), e.getMessage());
      }
    }
  }

  private void work(DemoTenant tenant) {
    long before = System.currentTimeMillis() - 10_000;
    List<Task> waiting =
        engine
            .getTaskService()
            .createTaskQuery()
            .tenantIdIn(tenant.id())
            .taskUnassigned()
            .taskCreatedBefore(new Date(before))
            .orderByTaskCreateTime()
            .asc()
            .listPage(0, 10);
    for (Task task : waiting) {
      if (task.getCreateTime().getTime() < before - 86_400_000L) {
        continue; // left alone on purpose: the report shows it as stuck
      }
      String user = tenant.workers().get(random.nextInt(tenant.workers().size()));
      engine.getTaskService().claim(task.getId(), user);
      engine.getTaskService().complete(task.getId());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
