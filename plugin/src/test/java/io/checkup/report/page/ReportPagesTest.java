package io.checkup.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Indicator;
import io.checkup.report.Report;
import io.checkup.report.Report.HistoryPoint;
import io.checkup.report.Report.IndicatorResult;
import io.checkup.report.Report.NormView;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import io.checkup.report.Snapshot;
import io.checkup.report.Status;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The pages a partner reads, parsed as a browser does: the triage page puts the clients getting
 * worse first and shows only what needs attention, the glossary explains each indicator once, the
 * pages escape whatever models and users supplied, and 200 clients fit in 2 MB.
 */
class ReportPagesTest {

  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String TODAY = "2026-03-20";
  static final String HOSTILE = "<script>alert('x')</script>";

  /** A tenant with the given status per indicator id (ok for all others) and 30 days of history. */
  static TenantReport tenant(
      String id,
      String name,
      RiskLevel level,
      int score,
      Integer change7d,
      RiskLevel weekAgoLevel,
      Map<String, Status> statuses,
      Function<Indicator, List<Map<String, Object>>> details) {
    return tenant(id, name, level, score, change7d, weekAgoLevel, statuses, details, Map.of());
  }

  /**
   * The same, where {@code counted} gives an indicator's elements behind its value when its details
   * list only the first of them (the report's details limit).
   */
  static TenantReport tenant(
      String id,
      String name,
      RiskLevel level,
      int score,
      Integer change7d,
      RiskLevel weekAgoLevel,
      Map<String, Status> statuses,
      Function<Indicator, List<Map<String, Object>>> details,
      Map<String, Long> counted) {
    List<IndicatorResult> indicators = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      Status status = statuses.getOrDefault(indicator.id(), Status.OK);
      List<Map<String, Object>> listed = details.apply(indicator);
      indicators.add(
          new IndicatorResult(
              indicator.id(),
              7,
              new NormView(1, 10),
              status,
              "Norm: 1 to 10. " + indicator.meaning(),
              listed,
              indicator.title(),
              5,
              "7",
              "1 to 10",
              indicator.weight(),
              counted.getOrDefault(indicator.id(), (long) listed.size()),
              null));
    }
    List<HistoryPoint> history = new ArrayList<>();
    LocalDate today = LocalDate.parse(TODAY);
    for (int daysAgo = 30; daysAgo >= 1; daysAgo--) {
      RiskLevel then = daysAgo >= 7 ? weekAgoLevel : level;
      int thenScore = daysAgo >= 7 && change7d != null ? score - change7d : score;
      history.add(new HistoryPoint(today.minusDays(daysAgo).toString(), thenScore, then));
    }
    return new TenantReport(
            id,
            level,
            score,
            List.of("reason of " + name),
            indicators,
            name,
            null,
            "small",
            null,
            5,
            100,
            new Report.Launches(today.minusDays(27).toString(), nCopies(28, 3L)),
            change7d,
            change7d,
            today.minusDays(3).toString(),
            history,
            List.of())
        .withDecline(today);
  }

  /** The indicator with another status, value and norm in words, and day it is judged from. */
  static IndicatorResult changed(
      IndicatorResult indicator,
      Status status,
      String valueText,
      String normText,
      String judgedFrom) {
    return new IndicatorResult(
        indicator.id(),
        indicator.value(),
        indicator.norm(),
        status,
        indicator.explanation(),
        indicator.details(),
        indicator.title(),
        indicator.previousValue(),
        valueText,
        normText,
        indicator.weight(),
        indicator.elements(),
        judgedFrom);
  }

  private static List<Long> nCopies(int n, long value) {
    return new ArrayList<>(java.util.Collections.nCopies(n, value));
  }

  static Report report(TenantReport... tenants) {
    return new Report(TODAY + "T12:00:00Z", List.of(tenants));
  }

  private static List<Map<String, Object>> none(Indicator indicator) {
    return List.of();
  }

  @Test
  void clientsGettingWorseComeFirstThenTheRestByRisk() {
    // the report orders by score; the triage page moves those getting worse to the top
    Report report =
        report(
            tenant(
                "steady",
                "Steady",
                RiskLevel.AT_RISK,
                30,
                -2,
                RiskLevel.AT_RISK,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                "slipped",
                "Slipped",
                RiskLevel.ATTENTION,
                60,
                -5,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                "falling",
                "Falling",
                RiskLevel.ATTENTION,
                70,
                -15,
                RiskLevel.ATTENTION,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                "better",
                "Better",
                RiskLevel.HEALTHY,
                90,
                12,
                RiskLevel.ATTENTION,
                Map.of(),
                ReportPagesTest::none));
    Document page = Jsoup.parse(ReportPages.triage(report, COCKPIT));

    assertThat(page.select("table.summary tbody tr td:first-child a").eachText())
        .containsExactly("Slipped", "Falling", "Steady", "Better");
    assertThat(page.select("table.summary tbody tr.worsening td:first-child a").eachText())
        .containsExactly("Slipped", "Falling");
    assertThat(page.select("table.summary tbody tr td:nth-child(4)").eachText())
        .containsExactly("−5", "−15", "−2", "+12");
    assertThat(page.select("section.tenant h2").eachText())
        .containsExactly("Slipped", "Falling", "Steady", "Better");
    // the full page keeps the report's order
    assertThat(
            Jsoup.parse(ReportPages.full(report, COCKPIT))
                .select("table.summary tbody tr td:first-child a")
                .eachText())
        .containsExactly("Steady", "Slipped", "Falling", "Better");
  }

  @Test
  void aClientWhoseUseFallsWithinItsNormsComesFirstAndThePageSaysWhy() {
    // score flat, every indicator ok, but a fifth of its launches gone in a week
    TenantReport quieter =
        launches(
            tenant(
                "quieter",
                "Quieter",
                RiskLevel.HEALTHY,
                95,
                0,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            1076,
            1391);
    TenantReport steady =
        tenant(
            "steady",
            "Steady",
            RiskLevel.AT_RISK,
            30,
            -2,
            RiskLevel.AT_RISK,
            Map.of(),
            ReportPagesTest::none);
    Document page = Jsoup.parse(ReportPages.triage(report(steady, quieter), COCKPIT));

    assertThat(page.select("table.summary tbody tr.worsening td:first-child a").eachText())
        .containsExactly("Quieter");
    // marked in words too, with the reasons under the name: its score did not move, so the summary
    // would not say why otherwise (a tooltip neither prints nor shows on a phone)
    assertThat(page.select("table.summary tbody tr.worsening span.worse").text())
        .isEqualTo("getting worse");
    assertThat(page.select("table.summary tbody tr.worsening span.why").text())
        .isEqualTo(
            "launches in the last 7 days fell by 23 % against the 7 days before (1,391 → 1,076)");
    assertThat(page.select("section.tenant h2").eachText()).containsExactly("Quieter", "Steady");
    assertThat(page.select("section#tenant-quieter p.worse").text())
        .isEqualTo(
            "Getting worse: launches in the last 7 days fell by 23 % against the 7 days before (1,391 → 1,076).");
    assertThat(page.select("section#tenant-steady p.worse")).isEmpty();
  }

  /** The tenant with its launches in the last 7 days now and 7 days ago, judged again. */
  private static TenantReport launches(TenantReport tenant, long now, long weekAgo) {
    List<IndicatorResult> indicators = new ArrayList<>();
    for (IndicatorResult indicator : tenant.indicators()) {
      indicators.add(
          indicator.id().equals("launches.7d")
              ? new IndicatorResult(
                  indicator.id(),
                  now,
                  indicator.norm(),
                  indicator.status(),
                  indicator.explanation(),
                  indicator.details(),
                  indicator.title(),
                  weekAgo,
                  String.valueOf(now),
                  indicator.normText(),
                  indicator.weight(),
                  indicator.elements(),
                  null)
              : indicator);
    }
    return tenant.withIndicators(indicators).withDecline(LocalDate.parse(TODAY));
  }

  @Test
  void perClientOnlyWhatIsOutOfNormOrInWarningWhatCostsMostFirst() {
    Map<String, Status> statuses = new LinkedHashMap<>();
    statuses.put("incidents.open", Status.OUT_OF_NORM);
    statuses.put("launches.7d", Status.WARNING);
    statuses.put("models.total", Status.OUT_OF_NORM);
    statuses.put("launches.trend", Status.NOT_APPLICABLE);
    Report report =
        report(
            tenant(
                "acme",
                "ACME",
                RiskLevel.ATTENTION,
                60,
                null,
                RiskLevel.ATTENTION,
                statuses,
                ReportPagesTest::none),
            tenant(
                "fine",
                "Fine",
                RiskLevel.HEALTHY,
                100,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none));
    Document page = Jsoup.parse(ReportPages.triage(report, COCKPIT));

    Element acme = page.getElementById("tenant-acme");
    List<String> shown = new ArrayList<>();
    for (Element row : acme.select("table.indicators tbody tr:not(.more)")) {
      shown.add(row.selectFirst("a").text());
    }
    List<String> expected = new ArrayList<>();
    List<Indicator> costly =
        new ArrayList<>(
            List.of(
                Indicator.of("incidents.open"),
                Indicator.of("launches.7d"),
                Indicator.of("models.total")));
    // a warning costs half its weight
    costly.sort(
        java.util.Comparator.comparingDouble(
            indicator ->
                -(indicator.id().equals("launches.7d")
                    ? indicator.weight() / 2.0
                    : indicator.weight())));
    for (Indicator indicator : costly) {
      expected.add(indicator.title());
    }
    assertThat(shown).isEqualTo(expected);
    assertThat(acme.select("table.indicators tbody tr.row-warning")).hasSize(1);
    // value, value 7 days ago, norm
    Element first = acme.selectFirst("table.indicators tbody tr");
    assertThat(first.select("td").eachText().subList(1, 4)).containsExactly("7", "5", "1 to 10");
    // the healthy client says so instead of a table
    Element fine = page.getElementById("tenant-fine");
    assertThat(fine.select("table")).isEmpty();
    assertThat(fine.text()).contains("Every indicator is within its norm");
    // the explanations are not repeated per client
    assertThat(acme.select("div.explain")).isEmpty();
  }

  @Test
  void eachRowLinksToItsExplanationGivenOnceInTheGlossary() {
    Map<String, Status> statuses = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      statuses.put(indicator.id(), Status.OUT_OF_NORM);
    }
    Report report =
        report(
            tenant(
                "a",
                "A",
                RiskLevel.AT_RISK,
                0,
                null,
                RiskLevel.AT_RISK,
                statuses,
                ReportPagesTest::none),
            tenant(
                "b",
                "B",
                RiskLevel.AT_RISK,
                0,
                null,
                RiskLevel.AT_RISK,
                statuses,
                ReportPagesTest::none));
    Document page = Jsoup.parse(ReportPages.triage(report, COCKPIT));

    Elements glossary = new Elements(page.select("dl.glossary dt"));
    assertThat(glossary.ids()).hasSize(Indicator.values().length).doesNotHaveDuplicates();
    for (Element link : page.select("table.indicators a[href^=#]")) {
      Element target = page.getElementById(link.attr("href").substring(1));
      assertThat(target).as(link.attr("href")).isNotNull();
      assertThat(target.parent().hasClass("glossary")).isTrue();
      assertThat(target.text()).startsWith(link.text());
    }
    assertThat(page.select("table.indicators a[href^=#]")).hasSize(2 * Indicator.values().length);
    for (Indicator indicator : Indicator.values()) {
      assertThat(countOf(page.text(), indicator.meaning())).as(indicator.id()).isEqualTo(1);
    }
  }

  /** jsoup's ids of a set of elements. */
  private record Elements(List<Element> all) {
    List<String> ids() {
      List<String> ids = new ArrayList<>();
      for (Element element : all) {
        ids.add(element.id());
      }
      return ids;
    }
  }

  private static int countOf(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void whatModelsAndUsersSuppliedIsEscapedOnEveryPage() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("processKey", "p\"><img src=x onerror=alert(1)>");
    detail.put("processName", HOSTILE);
    detail.put("processInstanceId", "1\" onmouseover=\"alert(1)");
    detail.put("activityId", "<b>bold</b>");
    TenantReport tenant =
        tenant(
            "t<i>",
            HOSTILE,
            RiskLevel.AT_RISK,
            10,
            -20,
            RiskLevel.HEALTHY,
            Map.of("instances.stuck", Status.OUT_OF_NORM),
            indicator -> indicator.id().equals("instances.stuck") ? List.of(detail) : List.of());
    Report report = report(tenant);
    // with the links between the pages too: the name in titles and labels, the id in addresses
    List<String> pages =
        List.of(
            ReportPages.triage(report, COCKPIT),
            ReportPages.full(report, COCKPIT),
            ReportPages.history("t<i>", HOSTILE, List.of()),
            ReportPages.triage(report, COCKPIT, PageLinks.rest(1, false)),
            ReportPages.full(report, COCKPIT, PageLinks.cockpit(2)),
            ReportPages.history(
                "t<i>",
                HOSTILE,
                incidentDays(LocalDate.parse("2026-03-01"), 0),
                null,
                PageLinks.rest(2, false)));
    for (String html : pages) {
      Document page = Jsoup.parse(html);
      assertThat(page.select("script, img, iframe, object, embed, b, i")).isEmpty();
      assertThat(page.select("[onerror], [onmouseover], [onload], [src]")).isEmpty();
      assertThat(page.text()).contains(HOSTILE);
      assertThat(html).doesNotContain(HOSTILE);
    }
    assertThat(Jsoup.parse(pages.get(3)).select("a.history").eachAttr("href"))
        .containsOnly("history/t%3Ci%3E?format=html");
    Document triage = Jsoup.parse(pages.get(0));
    Element link = triage.selectFirst("ul.details a");
    assertThat(link.attr("href"))
        .isEqualTo(COCKPIT + "#/process-instance/1\" onmouseover=\"alert(1)/runtime");
    assertThat(triage.selectFirst("ul.details li").text())
        .startsWith(HOSTILE + " (p\"><img src=x onerror=alert(1)>)")
        .contains("activity <b>bold</b>");
  }

  /**
   * A right-to-left override in a name would show 'Invoice', U+202E, 'fdp.exe' as 'Invoiceexe.pdf'
   * and turn the text after it around: on every page it is shown, not obeyed.
   */
  @Test
  void directionControlsInNamesAreShownNotObeyedOnEveryPage() {
    String spoof = "Invoice\u202Efdp.exe \u2067isolated\u2069";
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("processKey", "p");
    detail.put("processName", spoof);
    detail.put("processInstanceId", "1");
    TenantReport tenant =
        tenant(
            "t\u202E1",
            spoof,
            RiskLevel.AT_RISK,
            10,
            -20,
            RiskLevel.HEALTHY,
            Map.of("instances.stuck", Status.OUT_OF_NORM),
            indicator -> indicator.id().equals("instances.stuck") ? List.of(detail) : List.of());
    Report report = report(tenant);
    for (String html :
        List.of(
            ReportPages.triage(report, COCKPIT),
            ReportPages.full(report, COCKPIT),
            ReportPages.history("t\u202E1", spoof, List.of()))) {
      assertThat(html).doesNotContain("\u202E").doesNotContain("\u2067").doesNotContain("\u2069");
      assertThat(Jsoup.parse(html).text()).contains("Invoice\\u202efdp.exe \\u2067isolated\\u2069");
    }
  }

  @Test
  void detailsNameTheProcessAndLinkToCockpitAndAreCutToThreeOnTheTriagePage() {
    List<Map<String, Object>> incidents = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Map<String, Object> incident = new LinkedHashMap<>();
      incident.put("incidentId", "inc" + i);
      incident.put("processKey", "invoice");
      incident.put("processName", "Invoice approval");
      incident.put("processDefinitionId", "invoice:3:17");
      incident.put("version", 3);
      incident.put("processInstanceId", "pi" + i);
      incidents.add(incident);
    }
    Map<String, Object> branch = new LinkedHashMap<>();
    branch.put("processKey", "invoice");
    branch.put("processName", "Invoice approval");
    branch.put("processDefinitionId", "invoice:3:17");
    branch.put("version", 3);
    branch.put("gatewayId", "amount");
    branch.put("flowId", "big");
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("taskId", "5f0c1e2a-9b7d-11ef-8c3e-0242ac120002");
    task.put("name", "Review the request");
    task.put("processKey", "invoice");
    task.put("processName", "Invoice approval for the purchasing department ".repeat(4));
    task.put("processDefinitionId", "invoice:3:17");
    task.put("processInstanceId", "pi9");
    task.put("taskDefinitionKey", "reviewRequest");
    task.put("assignee", "nora");
    task.put("due", "2026-12-03T22:14:13.593Z");
    TenantReport tenant =
        tenant(
            "acme",
            "ACME",
            RiskLevel.AT_RISK,
            10,
            null,
            RiskLevel.AT_RISK,
            Map.of(
                "incidents.open", Status.OUT_OF_NORM,
                "runtime.dead-branches-30d", Status.OUT_OF_NORM,
                "tasks.overdue", Status.OUT_OF_NORM),
            indicator ->
                switch (indicator.id()) {
                  case "incidents.open" -> incidents;
                  case "runtime.dead-branches-30d" -> List.of(branch);
                  case "tasks.overdue" -> List.of(task);
                  default -> List.of();
                },
            // 102 open incidents, the first 50 listed (the report's details limit)
            Map.of("incidents.open", 102L));
    Document triage = Jsoup.parse(ReportPages.triage(report(tenant), "/cockpit/"));
    Element incidentRow = row(triage, "Open incidents");
    assertThat(incidentRow.select("ul.details li:not(.muted)")).hasSize(ReportPages.TRIAGE_DETAILS);
    assertThat(incidentRow.selectFirst("ul.details li.muted").text()).isEqualTo("and 99 more");
    assertThat(triage.selectFirst("p.unlisted").text())
        .startsWith(
            "47 more elements behind these values are listed on the full page (view=full); 52 more"
                + " are counted but listed nowhere");
    Element first = incidentRow.selectFirst("ul.details li");
    // the incident's own id is left out: the link opens the instance's incidents
    assertThat(first.text()).isEqualTo("Invoice approval (invoice, version 3) · instance pi0");
    assertThat(first.selectFirst("a").attr("href"))
        .isEqualTo("/cockpit/#/process-instance/pi0/runtime?tab=incidents-tab");
    Element branchItem = row(triage, "Dead branches").selectFirst("ul.details li");
    assertThat(branchItem.text())
        .isEqualTo(
            "Invoice approval (invoice, version 3) · gateway amount · flow big · open in Cockpit");
    assertThat(branchItem.selectFirst("a").attr("href"))
        .isEqualTo("/cockpit/#/process-definition/invoice:3:17/runtime");
    // a long process name is cut on its own: the assignee and the due date still show, and the
    // line with its link is at most 200 characters (the page wraps it rather than hide its end)
    assertThat(row(triage, "Overdue tasks").selectFirst("ul.details li").text())
        .hasSizeBetween(150, 200);
    assertThat(triage.select("style").html()).doesNotContain("ellipsis");
    assertThat(row(triage, "Overdue tasks").selectFirst("ul.details li").text())
        .startsWith("Invoice approval for the purchasing department Invoice approval")
        .contains("…")
        .endsWith(
            " · name Review the request · task definition key reviewRequest · assignee nora · due"
                + " 2026-12-03 22:14 UTC · instance pi9")
        .doesNotContain("5f0c1e2a");
    // the full page lists all the report lists, and says that is not all
    Element full =
        row(Jsoup.parse(ReportPages.full(report(tenant), "/cockpit/")), "Open incidents");
    assertThat(full.select("ul.details li:not(.muted)")).hasSize(50);
    assertThat(full.selectFirst("ul.details li.muted").text())
        .isEqualTo("and 52 more, not listed: the report lists the first 50 (its details limit)");
  }

  /** Lists and moments read as words: no brackets, no ISO-8601 "T" and "Z". */
  @Test
  void listsAndMomentsAreWrittenForPeople() {
    Map<String, Object> cascade = new LinkedHashMap<>();
    cascade.put("processKey", "invoice");
    cascade.put("gatewayId", "urgent");
    cascade.put("gateways", List.of("urgent", "vip"));
    cascade.put("outcomes", 4);
    Map<String, Object> incident = new LinkedHashMap<>();
    incident.put("incidentId", "i1");
    incident.put("since", "2026-12-05T20:34:56.789Z");
    incident.put("message", "2026-12-05T20:34:56Z is when it failed");
    Map<String, Object> deployment = Map.of("lastDeployment", "2026-03-31T14:55:40.636Z");
    TenantReport tenant =
        tenant(
            "acme",
            "ACME",
            RiskLevel.AT_RISK,
            10,
            null,
            RiskLevel.AT_RISK,
            Map.of(
                Indicator.GATEWAYS_CASCADES.id(), Status.OUT_OF_NORM,
                Indicator.INCIDENTS_OPEN.id(), Status.OUT_OF_NORM,
                Indicator.MODELS_LAST_CHANGE.id(), Status.OUT_OF_NORM),
            indicator ->
                switch (indicator) {
                  case GATEWAYS_CASCADES -> List.of(cascade);
                  case INCIDENTS_OPEN -> List.of(incident);
                  case MODELS_LAST_CHANGE -> List.of(deployment);
                  default -> List.of();
                });
    for (String html :
        List.of(
            ReportPages.triage(report(tenant), COCKPIT),
            ReportPages.full(report(tenant), COCKPIT))) {
      Document page = Jsoup.parse(html);
      assertThat(page.selectFirst("p.muted").text())
          .startsWith("Generated " + TODAY + " 12:00 UTC");
      assertThat(page.select("ul.details li").eachText())
          .contains(
              "invoice · gateway urgent · gateways urgent, vip · outcomes 4",
              // a message is the engine's text, left as it is
              "incident i1 · since 2026-12-05 20:34 UTC · message 2026-12-05T20:34:56Z is when it"
                  + " failed",
              "last deployment 2026-03-31 14:55 UTC");
    }
  }

  /** An indicator's row, with the row of its elements where the page puts them apart. */
  private static Element row(Document page, String title) {
    for (Element row : page.select("table.indicators tbody tr:not(.more)")) {
      if (row.selectFirst("td").text().startsWith(title)) {
        Element next = row.nextElementSibling();
        Element both = new Element("tbody").appendChild(row.clone());
        if (next != null && next.hasClass("more")) {
          both.appendChild(next.clone());
        }
        return both;
      }
    }
    throw new AssertionError("no row " + title);
  }

  @Test
  void twoHundredClientsAtRiskInEverythingFitInTwoMegabytes() throws Exception {
    Map<String, Status> statuses = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      statuses.put(indicator.id(), Status.OUT_OF_NORM);
    }
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("taskId", "00000000-0000-0000-0000-" + String.format("%012d", i));
      task.put("name", "Check the customer's documents and call back within two days");
      task.put("processKey", "customer-onboarding-with-a-long-key");
      task.put("processName", "Customer onboarding with document check");
      task.put("processDefinitionId", "customer-onboarding-with-a-long-key:12:" + i);
      task.put("processInstanceId", "11111111-0000-0000-0000-" + String.format("%012d", i));
      task.put("assignee", "someone.with.a.long.name");
      many.add(task);
    }
    TenantReport[] tenants = new TenantReport[200];
    for (int i = 0; i < tenants.length; i++) {
      tenants[i] =
          tenant(
              "client-" + i,
              "Client number " + i + " with a long company name GmbH & Co. KG",
              RiskLevel.AT_RISK,
              i % 40,
              -(i % 20),
              i % 2 == 0 ? RiskLevel.ATTENTION : RiskLevel.AT_RISK,
              statuses,
              indicator -> many);
    }
    String html = ReportPages.triage(report(tenants), COCKPIT);
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(2 * 1024 * 1024);
    System.out.printf("triage page of 200 clients, everything out of norm: %,d bytes%n", bytes);
    Document page = Jsoup.parse(html);
    assertThat(page.select("table.summary tbody tr")).hasSize(200);
    List<Element> sections = page.select("section.tenant");
    assertThat(sections).hasSize(200);
    for (Element section : sections) {
      // every indicator is out of norm: all are listed, the costliest with their first elements
      assertThat(section.select("table.indicators tbody tr:not(.more)"))
          .hasSize(Indicator.values().length);
      assertThat(section.select("ul.details li:not(.muted)"))
          .hasSize(ReportPages.TRIAGE_CLIENT_DETAILS);
      List<String> more = section.select("ul.details li.muted").eachText();
      assertThat(more).containsExactly("and 997 more", "and 997 more");
      assertThat(section.selectFirst("p.unlisted").text())
          .isEqualTo(
              (Indicator.values().length * 1_000 - ReportPages.TRIAGE_CLIENT_DETAILS)
                  + " more elements behind these values are listed on the full page (view=full).");
    }
  }

  @Test
  void theSparklineDrawsTheLastDaysScoresWithoutScript() {
    TenantReport falling =
        tenant(
            "f",
            "F",
            RiskLevel.ATTENTION,
            55,
            -35,
            RiskLevel.HEALTHY,
            Map.of(),
            ReportPagesTest::none);
    Document page = Jsoup.parse(ReportPages.triage(report(falling), COCKPIT));
    Element spark = page.selectFirst("table.summary svg.spark");
    String[] points = spark.selectFirst("polyline").attr("points").split(" ");
    // the daily snapshots, then the score now: the line ends where the score beside it stands
    assertThat(points).hasSize(falling.history().size() + 1);
    double firstY = Double.parseDouble(points[0].split(",")[1]);
    double lastY = Double.parseDouble(points[points.length - 1].split(",")[1]);
    // a falling score goes down: a larger y in SVG
    assertThat(lastY).isGreaterThan(firstY);
    assertThat(spark.selectFirst("title").text())
        .isEqualTo("score 90 on 2026-02-18, 55 on " + TODAY);

    TenantReport fresh =
        new TenantReport(
            "n",
            RiskLevel.HEALTHY,
            100,
            List.of(),
            falling.indicators(),
            "New",
            null,
            null,
            null,
            1,
            1,
            falling.launches());
    Element none =
        Jsoup.parse(ReportPages.triage(report(fresh), COCKPIT)).selectFirst("table.summary");
    assertThat(none.select("svg")).isEmpty();
    assertThat(none.text()).contains("no history yet");
  }

  @Test
  void aNewClientsTriageSaysWhichWindowsAreNotJudgedYetAndFromWhen() {
    TenantReport settled =
        tenant(
            "old",
            "Old",
            RiskLevel.HEALTHY,
            100,
            0,
            RiskLevel.HEALTHY,
            Map.of(),
            ReportPagesTest::none);
    // known since three days ago: its 24 hours are judged, its longer windows not yet
    LocalDate since = LocalDate.parse(TODAY).minusDays(3);
    List<IndicatorResult> indicators = new ArrayList<>();
    for (IndicatorResult indicator : settled.indicators()) {
      int window = Indicator.of(indicator.id()).windowDays();
      indicators.add(
          window <= 3
              ? indicator
              : changed(
                  indicator,
                  Status.NOT_APPLICABLE,
                  indicator.valueText(),
                  indicator.normText(),
                  since.plusDays(window).toString()));
    }
    TenantReport young =
        new TenantReport(
            "new",
            RiskLevel.HEALTHY,
            100,
            List.of(),
            indicators,
            "New",
            null,
            null,
            null,
            1,
            3,
            settled.launches());

    Document page = Jsoup.parse(ReportPages.triage(report(young, settled), COCKPIT));

    Element fresh = page.getElementById("tenant-new");
    assertThat(fresh.select("p.notjudged").text())
        .isEqualTo(
            "A new client: its indicators over the last 7 days (from 2026-03-24 on), the last"
                + " 28 days (from 2026-04-14 on) and the last 30 days (from 2026-04-16 on) are not"
                + " judged yet; the full page (view=full) shows their values.");
    assertThat(fresh.text()).contains("Every indicator judged so far is within its norm.");
    Element old = page.getElementById("tenant-old");
    assertThat(old.select("p.notjudged")).isEmpty();
    assertThat(old.text()).contains("Every indicator is within its norm.");

    // nothing deployed and no snapshot yet: the first day is not known, so no date
    List<IndicatorResult> unknown = new ArrayList<>();
    for (IndicatorResult indicator : indicators) {
      unknown.add(
          indicator.judgedFrom() == null
              ? indicator
              : changed(
                  indicator, indicator.status(), indicator.valueText(), indicator.normText(), ""));
    }
    TenantReport brandNew =
        new TenantReport(
            "unknown",
            RiskLevel.HEALTHY,
            100,
            List.of(),
            unknown,
            "Unknown",
            null,
            null,
            null,
            1,
            null,
            settled.launches());
    assertThat(
            Jsoup.parse(ReportPages.triage(report(brandNew), COCKPIT)).select("p.notjudged").text())
        .startsWith(
            "A new client: its indicators over the last 7 days, the last 28 days and the last 30"
                + " days are not judged yet");
  }

  @Test
  void usersLeftOutAreListedUnderWordsThatSaySo() {
    TenantReport tenant =
        tenant(
            "acme",
            "ACME",
            RiskLevel.ATTENTION,
            60,
            0,
            RiskLevel.ATTENTION,
            Map.of(
                Indicator.USERS_DIGITIZED.id(), Status.OUT_OF_NORM,
                Indicator.INCIDENTS_OPEN.id(), Status.OUT_OF_NORM),
            indicator ->
                indicator == Indicator.USERS_DIGITIZED
                    ? List.of(Map.of("userId", "erik"))
                    : indicator == Indicator.INCIDENTS_OPEN
                        ? List.of(Map.of("incidentId", "i1", "type", "failedJob"))
                        : List.of());

    for (String html :
        List.of(
            ReportPages.triage(report(tenant), COCKPIT),
            ReportPages.full(report(tenant), COCKPIT))) {
      Document page = Jsoup.parse(html);
      Element users = page.select("ul.details:contains(user erik)").first();
      // a count of users given work, above a list of those given none
      assertThat(users.child(0).text()).isEqualTo("Given no work:");
      assertThat(users.child(1).text()).isEqualTo("user erik");
      assertThat(page.select("ul.details:contains(failedJob) li.listed")).isEmpty();
    }
  }

  @Test
  void theHistoryPageListsEachDayWithWhatWasOutOfNormInWarningAndWhatChanged() {
    List<Snapshot> days = new ArrayList<>();
    LocalDate start = LocalDate.parse("2026-03-01");
    for (int i = 0; i < 5; i++) {
      Map<String, Snapshot.Value> values = new LinkedHashMap<>();
      values.put(
          "launches.7d",
          new Snapshot.Value(
              1000 - i * 200, i >= 3 ? Status.OUT_OF_NORM : i == 2 ? Status.WARNING : Status.OK));
      values.put("incidents.open", new Snapshot.Value(i, i > 0 ? Status.OUT_OF_NORM : Status.OK));
      days.add(
          new Snapshot(
              start.plusDays(i),
              "acme",
              90 - i * 15,
              i < 2 ? RiskLevel.HEALTHY : RiskLevel.AT_RISK,
              start,
              "small",
              values));
    }
    Document page = Jsoup.parse(ReportPages.history("acme", "ACME Corp", days));
    // the latest day first: a reader comes for what changed lately
    assertThat(page.select("tbody tr td:first-child").eachText())
        .containsExactly("2026-03-05", "2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01");
    assertThat(page.select("tbody tr td:nth-child(3)").eachText())
        .containsExactly("30", "45", "60", "75", "90");
    // by title, as the report's pages name them, with the day's value: a list that stays the same
    // from day to day still shows where it moved
    assertThat(page.select("tbody tr td:nth-child(4)").stream().map(Element::text).toList())
        .containsExactly(
            "Process launches in the last 7 days (200); Open incidents (4)",
            "Process launches in the last 7 days (400); Open incidents (3)",
            "Open incidents (2)",
            "Open incidents (1)",
            "");
    assertThat(page.select("tbody tr td:nth-child(5)").stream().map(Element::text).toList())
        .containsExactly("", "", "Process launches in the last 7 days (600)", "", "");
    // what moved the score: a warning too, which the out-of-norm column alone does not show
    assertThat(page.select("tbody tr td:nth-child(6)").stream().map(Element::text).toList())
        .containsExactly(
            "",
            "Process launches in the last 7 days: warning → out of norm (600 → 400)",
            "Process launches in the last 7 days: ok → warning (800 → 600)",
            "Open incidents: ok → out of norm (0 → 1)",
            "");
    assertThat(page.selectFirst("svg.spark polyline").attr("points").split(" ")).hasSize(5);
  }

  /**
   * A value in the history reads as on the report: with its unit, n/a where there was none, and a
   * plain number for an indicator a newer node wrote that this version does not know.
   */
  @Test
  void theHistoryWritesEachValueWithItsUnit() {
    LocalDate start = LocalDate.parse("2026-03-01");
    List<Snapshot> days = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, Snapshot.Value> values = new LinkedHashMap<>();
      values.put(
          "launches.trend",
          new Snapshot.Value(i == 0 ? 12.5 : -45, i == 0 ? Status.OK : Status.OUT_OF_NORM));
      values.put(
          "models.last-change-days",
          new Snapshot.Value(i == 0 ? null : 400, i == 0 ? Status.NOT_APPLICABLE : Status.WARNING));
      values.put("future.indicator", new Snapshot.Value(1234.5, Status.OUT_OF_NORM));
      days.add(
          new Snapshot(start.plusDays(i), "acme", 60, RiskLevel.ATTENTION, start, null, values));
    }
    Document page = Jsoup.parse(ReportPages.history("acme", "ACME Corp", days));
    assertThat(page.select("tbody tr").first().select("td:nth-child(4)").text())
        .isEqualTo("Launch trend against the 3 weeks before (-45 %); future.indicator (1,234.5)");
    assertThat(page.select("tbody tr").first().select("td:nth-child(5)").text())
        .isEqualTo("Days since a process was last changed (400 days)");
    assertThat(page.select("tbody tr").first().select("td:nth-child(6)").text())
        .isEqualTo(
            "Launch trend against the 3 weeks before: ok → out of norm (+12.5 % → -45 %); Days since a"
                + " process was last changed: n/a → warning (n/a → 400 days)");
  }

  /** A reader moves between the views and the histories by links; pages served alone have none. */
  @Test
  void thePagesLinkToTheOtherViewAndToEachClientsHistory() {
    TenantReport acme =
        tenant(
            "acme",
            "ACME",
            RiskLevel.ATTENTION,
            60,
            0,
            RiskLevel.ATTENTION,
            Map.of(Indicator.INCIDENTS_OPEN.id(), Status.OUT_OF_NORM),
            ReportPagesTest::none);
    PageLinks links = PageLinks.rest(2, false);

    Document triage = Jsoup.parse(ReportPages.triage(report(acme), COCKPIT, links));
    assertThat(triage.select("a.view").eachAttr("href")).containsExactly("?format=html&view=full");
    // a tab or bookmark of one client's page says whose it is; a link says whose history it opens
    assertThat(triage.title()).isEqualTo("Camunda check-up · ACME");
    assertThat(triage.select("a.history").eachAttr("aria-label"))
        .containsOnly("Daily history of ACME");
    // from the summary's score line and from the client's header
    assertThat(triage.select("a.history").eachAttr("href"))
        .containsExactly("../history/acme?format=html", "../history/acme?format=html");
    Document full = Jsoup.parse(ReportPages.full(report(acme), COCKPIT, links));
    assertThat(full.select("a.view").eachAttr("href")).containsExactly("?format=html");
    assertThat(full.select("a.history").eachAttr("href"))
        .containsExactly("../history/acme?format=html", "../history/acme?format=html");

    Document history =
        Jsoup.parse(
            ReportPages.history(
                "acme",
                "ACME Corp",
                incidentDays(LocalDate.parse("2026-03-01"), 0, 1, 2),
                null,
                links));
    assertThat(history.select("a.view").eachAttr("href"))
        .containsExactly("../report/acme?format=html");
    assertThat(history.text()).contains("score from 2026-03-01 to 2026-03-03");
    assertThat(history.title()).isEqualTo("Check-up history · ACME Corp");

    for (String alone :
        List.of(
            ReportPages.triage(report(acme), COCKPIT),
            ReportPages.full(report(acme), COCKPIT),
            ReportPages.history(
                "acme", "ACME Corp", incidentDays(LocalDate.parse("2026-03-01"), 0)))) {
      assertThat(Jsoup.parse(alone).select("a.view, a.history")).isEmpty();
    }
  }

  /**
   * The first day shown is compared with the day before it, read for that alone: {@code ?days=1},
   * "what changed yesterday", once never named a change.
   */
  @Test
  void theFirstDayShownNamesWhatChangedSinceTheDayBeforeIt() {
    LocalDate start = LocalDate.parse("2026-03-01");
    List<Snapshot> days = incidentDays(start, 0, 1);
    Document page =
        Jsoup.parse(
            ReportPages.history("acme", "ACME Corp", days, start.plusDays(1), PageLinks.NONE));
    assertThat(page.select("tbody tr td:first-child").eachText()).containsExactly("2026-03-02");
    assertThat(page.select("tbody tr td:nth-child(6)").eachText())
        .containsExactly("Open incidents: ok → out of norm (0 → 1)");
    assertThat(page.selectFirst("svg.spark polyline").attr("points").split(" ")).hasSize(1);
  }

  @Test
  void afterADayWithoutSnapshotTheHistoryNamesNoChange() {
    List<Snapshot> days = incidentDays(LocalDate.parse("2026-03-01"), 0, 2);
    Document page = Jsoup.parse(ReportPages.history("acme", "ACME Corp", days));
    // 03-03 follows 03-01: not "the day before", so no change is claimed
    assertThat(page.select("tbody tr td:nth-child(6)").stream().map(Element::text).toList())
        .containsExactly("", "");
  }

  /**
   * Snapshots of acme on these days after {@code start}: no open incident on the first, as many as
   * the offset on each later one (out of norm).
   */
  private static List<Snapshot> incidentDays(LocalDate start, int... offsets) {
    List<Snapshot> days = new ArrayList<>();
    for (int i : offsets) {
      days.add(
          new Snapshot(
              start.plusDays(i),
              "acme",
              90 - i * 20,
              RiskLevel.HEALTHY,
              start,
              "small",
              Map.of(
                  "incidents.open",
                  new Snapshot.Value(i, i == 0 ? Status.OK : Status.OUT_OF_NORM))));
    }
    return days;
  }

  /** Every id the report's pages give is unique, so every link goes to one place. */
  @Test
  void idsAreUniqueEvenForTenantIdsThatDifferOnlyInPunctuation() {
    Report report =
        report(
            tenant(
                "a.b",
                "dot",
                RiskLevel.HEALTHY,
                90,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                "a b",
                "space",
                RiskLevel.HEALTHY,
                90,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                "a_b",
                "underscore",
                RiskLevel.HEALTHY,
                90,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            // a client called "less" and the part without a tenant once shared "tenant-less"
            tenant(
                "less",
                "less",
                RiskLevel.HEALTHY,
                90,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none),
            tenant(
                null,
                "(default)",
                RiskLevel.HEALTHY,
                90,
                null,
                RiskLevel.HEALTHY,
                Map.of(),
                ReportPagesTest::none));
    Document page = Jsoup.parse(ReportPages.triage(report, COCKPIT));
    Set<String> ids = new HashSet<>();
    for (Element element : page.select("[id]")) {
      assertThat(ids.add(element.id())).as(element.id()).isTrue();
    }
    for (Element link : page.select("table.summary a")) {
      Element target = page.getElementById(link.attr("href").substring(1));
      assertThat(target.selectFirst("h2").text()).isEqualTo(link.text());
    }
  }
}
