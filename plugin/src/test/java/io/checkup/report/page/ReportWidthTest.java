package io.checkup.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Indicator;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import io.checkup.report.Snapshot;
import io.checkup.report.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The triage page in a real browser (Debian's headless Chromium) at a phone's width and a
 * desktop's: nothing is wider than the window, whatever a tenant is called (255 characters without
 * a space, as Camunda allows) and however long the ids in its details are; no column is pushed out
 * of sight. Runs with {@code -Dcheckup.test.browser=true}.
 */
@EnabledIfSystemProperty(named = "checkup.test.browser", matches = "true")
class ReportWidthTest {

  @ParameterizedTest
  @ValueSource(ints = {500, 1280})
  void nothingIsWiderThanTheWindow(int width, @TempDir Path dir) throws Exception {
    Map<String, Status> everything = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      everything.put(indicator.id(), Status.OUT_OF_NORM);
    }
    TenantReport unbroken =
        ReportPagesTest.tenant(
            "longname",
            "W".repeat(255),
            RiskLevel.AT_RISK,
            10,
            -20,
            RiskLevel.ATTENTION,
            everything,
            indicator -> instances());
    unbroken = withLongValues(unbroken);
    TenantReport plain =
        ReportPagesTest.tenant(
            "acme",
            "ACME",
            RiskLevel.HEALTHY,
            95,
            0,
            RiskLevel.HEALTHY,
            Map.of(),
            indicator -> List.of());
    var report = ReportPagesTest.report(unbroken, plain);
    for (String html :
        List.of(
            ReportPages.triage(report, ReportPagesTest.COCKPIT),
            ReportPages.full(report, ReportPagesTest.COCKPIT))) {
      int[] measured = widest(dir, html, width);
      assertThat(measured[1]).as("the window's width").isEqualTo(width);
      assertThat(measured[0])
          .as("the right edge of the widest element at %d px", width)
          .isLessThanOrEqualTo(measured[1]);
      assertThat(measured[2])
          .as("cells whose content runs over their edge at %d px", width)
          .isZero();
    }
  }

  /**
   * The history page's days stay on one line each beside long lists of indicators (a date broke
   * into "2026 / -10- / 07" at 1,100 and 1,280 px while the "In warning" column was empty).
   */
  @ParameterizedTest
  @ValueSource(ints = {500, 1100, 1280})
  void aHistoryDayIsOneLine(int width, @TempDir Path dir) throws Exception {
    Map<String, Snapshot.Value> indicators = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      indicators.put(indicator.id(), new Snapshot.Value(1, Status.OUT_OF_NORM));
    }
    List<Snapshot> days = new ArrayList<>();
    LocalDate first = LocalDate.of(2026, 10, 7);
    for (int i = 0; i < 3; i++) {
      days.add(
          new Snapshot(
              first.plusDays(i), "acme", 20, RiskLevel.AT_RISK, first, "small", indicators));
    }
    var body =
        laidOut(
            dir,
            ReportPages.history("acme", "ACME", days),
            width,
            "let b=0;for(const c of document.querySelectorAll('tbody td:first-child'))"
                + "{if(c.getClientRects().length&&document.createRange){const r=document"
                + ".createRange();r.selectNodeContents(c);if(r.getClientRects().length>1)b++}}"
                + "document.body.dataset.broken=b;document.body.dataset.rows="
                + "document.querySelectorAll('tbody td:first-child').length");
    assertThat(body.attr("data-rows")).isEqualTo("3");
    assertThat(body.attr("data-broken")).as("days written on more than one line").isEqualTo("0");
  }

  /**
   * The right edge of the page's widest element and the window's width, as Chromium lays it out.
   */
  private static int[] widest(Path dir, String page, int width) throws Exception {
    var body =
        laidOut(
            dir,
            page,
            width,
            "let w=0,o=0;for(const e of document.querySelectorAll('*')){w=Math.max(w,"
                + "e.getBoundingClientRect().right)}for(const c of document.querySelectorAll('td,th'))"
                + "{if(c.scrollWidth>c.clientWidth+1)o++}document.body.dataset.widest=Math.ceil(w);"
                + "document.body.dataset.overflowing=o;"
                + "document.body.dataset.window=window.innerWidth");
    return new int[] {
      Integer.parseInt(body.attr("data-widest")),
      Integer.parseInt(body.attr("data-window")),
      Integer.parseInt(body.attr("data-overflowing"))
    };
  }

  /**
   * The page's body after Chromium laid it out in a window {@code width} wide and ran {@code
   * measure}, which writes what it measured into the body's data attributes for --dump-dom to show.
   */
  private static org.jsoup.nodes.Element laidOut(Path dir, String page, int width, String measure)
      throws Exception {
    Path file = Files.createTempFile(dir, "page", ".html");
    Files.writeString(
        file,
        page.replace("</body>", "<script>" + measure + "</script></body>"),
        StandardCharsets.UTF_8);
    return Jsoup.parse(
            ReportPrintTest.chromium(
                dir,
                "--hide-scrollbars",
                "--window-size=" + width + ",900",
                "--dump-dom",
                file.toUri().toString()))
        .body();
  }

  /** The tenant with values and norms as long as the report writes them. */
  private static TenantReport withLongValues(TenantReport tenant) {
    List<IndicatorResult> indicators = new ArrayList<>();
    for (IndicatorResult indicator : tenant.indicators()) {
      indicators.add(
          ReportPagesTest.changed(
              indicator, indicator.status(), "+40,100 %", "1,000,000 to 10,000,000", null));
    }
    return tenant.withIndicators(indicators);
  }

  private static List<Map<String, Object>> instances() {
    List<Map<String, Object>> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> instance = new LinkedHashMap<>();
      instance.put("processInstanceId", "9defae84-f0ea-11f1-ba5c-02fc" + String.format("%08d", i));
      instance.put("processKey", "order-" + "x".repeat(80));
      instance.put("processName", "Order" + "Y".repeat(120));
      instance.put("activityId", "waitForTheCustomersSignedContractAndTheBanksConfirmation");
      instance.put("since", "2026-12-05T20:34:56Z");
      instances.add(instance);
    }
    return instances;
  }
}
