package io.checkup.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.page.ReportPages;
import io.checkup.testing.TestEngines;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report as a spreadsheet and as a page: the CSV read back by a CSV parser, the HTML parsed as
 * a browser does, both over the scenario with a tenant named like a formula and a process named
 * like a script.
 */
class ReportFormatsTest {

  private static final String COCKPIT = "/camunda/app/cockpit/default/";

  private static ProcessEngine engine;
  private static Report report;

  @BeforeAll
  static void scenario() {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    engine = TestEngines.h2().plugin(checkup).build();
    new ReportScenario(engine).run();
    checkup.getStatistics().flushNow();
    report = checkup.getReport().generate(ReportScope.all());
  }

  @AfterAll
  static void close() {
    ClockUtil.reset();
    engine.close();
  }

  private static List<Map<String, String>> csvRows() throws Exception {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(ReportFormats.csv(report))) {
      return rows.readAll();
    }
  }

  private static Map<String, String> row(
      List<Map<String, String>> rows, String tenantId, String indicator) {
    return rows.stream()
        .filter(
            row -> row.get("tenantId").equals(tenantId) && row.get("indicator").equals(indicator))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void csvHasOneRowPerTenantAndIndicator() throws Exception {
    List<Map<String, String>> rows = csvRows();
    assertThat(rows).hasSize(4 * Indicator.values().length);
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "tenantId",
            "tenantName",
            "plan",
            "sizeClass",
            "riskLevel",
            "score",
            "indicator",
            "title",
            "value",
            "min",
            "max",
            "status",
            "details",
            "explanation",
            "previousValue",
            "scoreChange7d",
            "scoreChange30d",
            "levelSince",
            "worsening");
    Map<String, String> launches = row(rows, "acme", "launches.7d");
    assertThat(launches)
        .containsEntry("value", "13")
        .containsEntry("min", "10")
        .containsEntry("max", "100")
        .containsEntry("status", "ok")
        .containsEntry("plan", "Gold")
        .containsEntry("score", "81")
        .containsEntry("riskLevel", "healthy");
    // the tenant-less part: an empty tenant id, so that no tenant (one called "default" included)
    // is mistaken for it
    assertThat(row(rows, "", "launches.7d"))
        .containsEntry("value", "2")
        .containsEntry("tenantName", "(default)");
    assertThat(row(rows, "acme", "launches.per-user-7d")).containsEntry("value", "3.3");
    assertThat(row(rows, "globex", "launches.trend"))
        .containsEntry("value", "")
        .containsEntry("status", "n/a");
    // tenants in the order of risk, indicators in catalog order
    assertThat(rows.get(0).get("tenantId")).isEqualTo("globex");
    assertThat(rows.get(0).get("indicator")).isEqualTo("models.last-change-days");
  }

  @Test
  void csvCarriesTheTrendsThePagesShow() throws Exception {
    Report.IndicatorResult launches =
        new Report.IndicatorResult(
            "launches.7d",
            120,
            new Report.NormView(1000, 10000),
            Status.OUT_OF_NORM,
            "why",
            List.of(),
            "Process launches in the last 7 days",
            1500,
            "120",
            "1,000 to 10,000",
            25,
            0,
            null);
    Report.TenantReport tenant =
        new Report.TenantReport(
                "acme",
                RiskLevel.AT_RISK,
                35,
                List.of("why"),
                List.of(launches),
                "ACME",
                null,
                "small",
                null,
                5,
                100,
                null)
            .withTrends(-40, -55, "2026-03-14", List.of(), Map.of("launches.7d", 1500))
            .withDecline(LocalDate.parse("2026-03-20"));
    String csv = ReportFormats.csv(new Report("2026-03-20T12:00:00Z", List.of(tenant)));

    Map<String, String> row =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(csv)
            .next();
    assertThat(row)
        .containsEntry("value", "120")
        .containsEntry("previousValue", "1500")
        .containsEntry("scoreChange7d", "-40")
        .containsEntry("scoreChange30d", "-55")
        .containsEntry("levelSince", "2026-03-14")
        .containsEntry(
            "worsening",
            "score fell by 40 in 7 days (75 → 35); launches in the last 7 days fell by 92 %"
                + " against the 7 days before (1,500 → 120)");
  }

  @Test
  void csvNeutralisesFormulasInText() throws Exception {
    List<Map<String, String>> rows = csvRows();
    Map<String, String> unused = row(rows, "globex", "processes.unused-7d");
    assertThat(unused.get("tenantName")).isEqualTo("'" + ReportScenario.HOSTILE_TENANT_NAME);
    assertThat(unused.get("details"))
        .contains("processName=" + ReportScenario.HOSTILE_PROCESS_NAME);
    for (Map<String, String> row : rows) {
      for (String column :
          List.of("tenantId", "tenantName", "plan", "title", "details", "explanation")) {
        String cell = row.get(column);
        assertThat(cell == null || cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
            .as(column + " of " + row.get("tenantId") + "/" + row.get("indicator") + ": " + cell)
            .isTrue();
      }
    }
  }

  @Test
  void csvNeutralisingLeavesOrdinaryTextAlone() {
    assertThat(ReportFormats.text("=1+2")).isEqualTo("'=1+2");
    assertThat(ReportFormats.text("+49 30")).isEqualTo("'+49 30");
    assertThat(ReportFormats.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ReportFormats.text("\t=1")).isEqualTo("'\t=1");
    assertThat(ReportFormats.text("ACME = fine")).isEqualTo("ACME = fine");
    // a right-to-left override would show a spoofed name reversed in a spreadsheet: written out,
    // as on the report's pages
    assertThat(ReportFormats.text("invoice\u202Egnp.exe")).isEqualTo("invoice\\u202egnp.exe");
    assertThat(ReportFormats.text("\u202E=1+2")).isEqualTo("\\u202e=1+2");
    // a formula behind white space, which spreadsheets that trim cells on import would run
    assertThat(ReportFormats.text(" =1+1")).isEqualTo("' =1+1");
    assertThat(ReportFormats.text("\u00a0=1+1")).isEqualTo("'\u00a0=1+1");
    assertThat(ReportFormats.text("\u3000=1+1")).isEqualTo("'\u3000=1+1");
    assertThat(ReportFormats.text("\n-2")).isEqualTo("'\n-2");
    assertThat(ReportFormats.text("  fine")).isEqualTo("  fine");
    // an escape sequence would act when the file is printed in a terminal: written out; line
    // breaks in a cell stay
    assertThat(ReportFormats.text("evil\u001b[31mred")).isEqualTo("evil\\u001b[31mred");
    assertThat(ReportFormats.text("two\nlines")).isEqualTo("two\nlines");
  }

  @Test
  void htmlEscapesWhatModelsAndUsersSupplied() {
    String html = ReportPages.full(report, COCKPIT);
    Document page = Jsoup.parse(html);
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("[onerror], [onload], iframe, object, embed")).isEmpty();
    assertThat(page.body().text())
        .contains(ReportScenario.HOSTILE_PROCESS_NAME)
        .contains(ReportScenario.HOSTILE_TENANT_NAME);
    assertThat(html).doesNotContain(ReportScenario.HOSTILE_PROCESS_NAME);
    // self-contained: nothing is loaded from anywhere
    assertThat(page.select("link, img, [src]")).isEmpty();
  }

  /**
   * A partner who sees no client is told what a client is and what is left out, not an empty table.
   */
  @Test
  void anEmptyReportSaysWhatAClientIsAndWhatIsLeftOut() {
    Report empty = new Report(report.generatedAt(), List.of());
    for (String html :
        List.of(ReportPages.triage(empty, COCKPIT), ReportPages.full(empty, COCKPIT))) {
      Document page = Jsoup.parse(html);
      assertThat(page.select("table.summary tbody tr")).hasSize(1);
      assertThat(page.select("table.summary tbody tr.empty").text())
          .startsWith("No client in this report.")
          .contains("exclude-without-tenant", "exclude-tenants", "?withoutTenantId=true");
      assertThat(page.select("section.tenant")).isEmpty();
    }
    assertThat(Jsoup.parse(ReportPages.full(report, COCKPIT)).select("table.summary tr.empty"))
        .isEmpty();
  }

  @Test
  void htmlShowsTheAtRiskTenantsFirstWithHighlightsExplanationsAndCharts() {
    Document page = Jsoup.parse(ReportPages.full(report, COCKPIT));
    List<String> summary = page.select("table.summary tbody tr td:first-child").eachText();
    assertThat(summary)
        .containsExactly(ReportScenario.HOSTILE_TENANT_NAME, "(default)", "initech", "ACME Corp");
    assertThat(page.select("table.summary tbody tr td:nth-child(2)").eachText())
        .containsExactly("at risk", "at risk", "attention", "healthy");

    List<Element> sections = page.select("section.tenant");
    assertThat(sections).hasSize(4);
    for (Element section : sections) {
      assertThat(section.select("svg.chart rect")).hasSize(28);
      assertThat(section.select("table.indicators tbody tr")).hasSize(Indicator.values().length);
      for (Element explanation : section.select("div.explain")) {
        assertThat(explanation.text()).startsWith("Norm: ").contains("What to do: ");
      }
    }
    Element globex = sections.get(0);
    Element launches = indicatorRow(globex, "launches.7d");
    assertThat(launches.hasClass("row-out-of-norm")).isTrue();
    assertThat(launches.select("td").get(1).text()).isEqualTo("13");
    assertThat(launches.select("td").get(3).text()).isEqualTo("1,000 to 10,000");
    assertThat(indicatorRow(globex, "runtime.dead-branches-30d").select("ul.details li"))
        .hasSize(2);
    Element acme = sections.get(3);
    assertThat(indicatorRow(acme, "launches.7d").hasClass("row-ok")).isTrue();
    assertThat(acme.select("svg.chart rect").last().select("title").text())
        .isEqualTo("2026-03-20: 8 (today so far)");
  }

  private static Element indicatorRow(Element section, String id) {
    for (Element row : section.select("table.indicators tbody tr")) {
      if (row.select("td").first().text().endsWith(id)) {
        return row;
      }
    }
    throw new AssertionError("no row " + id);
  }
}
