package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.testing.ProjectPaths;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The partner's reference cannot drift from the code: docs/report.md explains every indicator with
 * its title, the risk weight it has by default, what it means and what to do, as the report itself
 * says it.
 */
class ReportDocsTest {

  @Test
  void everyIndicatorIsDocumentedAsTheReportExplainsIt() throws Exception {
    String docs = Files.readString(ProjectPaths.docs("report.md"));
    for (Indicator indicator : Indicator.values()) {
      String heading = "### `" + indicator.id() + "`: " + indicator.title();
      assertThat(docs).as("section of " + indicator.id()).contains(heading);
      String section = docs.substring(docs.indexOf(heading));
      section =
          section.substring(
              0,
              section.indexOf("\n### ", 1) < 0 ? section.length() : section.indexOf("\n### ", 1));
      assertThat(section)
          .contains("Risk weight: " + indicator.weight() + ".")
          .contains(indicator.meaning())
          .contains(indicator.advice());
      if (indicator.adviceAbove() != null) {
        assertThat(section).contains("Above the norm: " + indicator.adviceAbove());
      }
    }
  }
}
