package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.page.ReportPages;
import io.checkup.testing.ProjectPaths;
import io.checkup.testing.TestEngines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report of the known scenario ({@link ReportScenario}) in all three formats, byte for byte as
 * it was written before the report code was reshaped (src/test/resources/report/snapshot): a change
 * in what a partner reads shows here. To take a new snapshot on purpose, run with {@code
 * -Dcheckup.snapshot.update=true} and commit the files.
 */
class ReportSnapshotTest {

  private ProcessEngine engine;

  private static final String COCKPIT = "/camunda/app/cockpit/default/";

  @AfterEach
  void close() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void theScenarioReportInEveryFormatIsAsBefore() throws Exception {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    engine = TestEngines.h2().plugin(checkup).build();
    new ReportScenario(engine).run();
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    Report report = checkup.getReport().generate(ReportScope.all());

    // ids the engine generates differ from run to run: numbered in order of appearance
    compare("scenario.json", stableIds(ReportFormats.json(report)));
    compare("scenario.csv", stableIds(ReportFormats.csv(report)));
    compare("scenario.html", stableIds(ReportPages.full(report, COCKPIT)));
    compare("scenario-triage.html", stableIds(ReportPages.triage(report, COCKPIT)));
  }

  /**
   * Replaces every UUID (definition, instance, task, incident ids) by its number of first
   * appearance.
   */
  static String stableIds(String text) {
    Matcher uuid =
        Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .matcher(text);
    Map<String, Integer> numbers = new HashMap<>();
    StringBuilder out = new StringBuilder();
    while (uuid.find()) {
      uuid.appendReplacement(
          out, "uuid-" + numbers.computeIfAbsent(uuid.group(), id -> numbers.size() + 1));
    }
    return uuid.appendTail(out).toString();
  }

  private void compare(String name, String actual) throws IOException {
    Path stored = ProjectPaths.src("test", "resources", "report", "snapshot", name);
    if (Boolean.getBoolean("checkup.snapshot.update")) {
      Files.writeString(stored, actual, StandardCharsets.UTF_8);
      return; // taken, not compared: the class path still holds the old files until the next build
    }
    try (InputStream in = getClass().getResourceAsStream("/report/snapshot/" + name)) {
      assertThat(in)
          .as("snapshot " + name + " (take one with -Dcheckup.snapshot.update=true)")
          .isNotNull();
      assertThat(actual).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
