package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plain engine that is never closed, its metrics on or off: the JVM's exit writes its last
 * counts, and on an H2 file database they are on disk when the JVM is gone (H2 writes a commit to
 * its file a moment later; the exit was quicker and kept none of them).
 */
class JvmExitTest {

  private static final int STARTS = 12;

  /** Runs in a JVM of its own: counts some instances and exits without closing the engine. */
  public static void main(String[] args) {
    ProcessEngineConfigurationImpl configuration = configuration(args[0], "exiting");
    configuration.setMetricsEnabled(Boolean.parseBoolean(args[1]));
    ProcessEngine engine = configuration.buildProcessEngine();
    Traffic.deploy(engine, "acme", "stats-routing.bpmn");
    Traffic.route(engine, "acme", STARTS, "anna");
    System.exit(0);
  }

  private static ProcessEngineConfigurationImpl configuration(String jdbcUrl, String node) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsNodeId(node);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(node);
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setMetricsEnabled(false);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("none");
    configuration.setProcessEnginePlugins(List.of(checkup));
    return configuration;
  }

  @ParameterizedTest(name = "engine metrics on: {0}")
  @ValueSource(booleans = {false, true})
  void anEngineNeverClosedKeepsItsLastCountsOnAnH2FileWhenTheJvmExits(
      boolean metrics, @TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("engine").toAbsolutePath();
    Path out = dir.resolve("out.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JvmExitTest.class.getName(),
                url,
                String.valueOf(metrics))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the JVM exits").isTrue();
    assertThat(child.exitValue()).as(Files.readString(out)).isZero();

    ProcessEngineConfigurationImpl again = configuration(url, "reading");
    ProcessEngine engine = again.buildProcessEngine();
    try {
      CheckupProcessEnginePlugin checkup =
          (CheckupProcessEnginePlugin) again.getProcessEnginePlugins().get(0);
      checkup.getStatistics().flushNow();
      assertThat(
              checkup.getStatistics().query().tenant("acme").metric(Metric.INSTANCE_STARTED).sum())
          .as(Files.readString(out))
          .isEqualTo(STARTS + 1);
    } finally {
      engine.close();
    }
  }
}
