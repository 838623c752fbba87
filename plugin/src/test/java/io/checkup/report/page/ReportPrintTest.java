package io.checkup.report.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.report.Indicator;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import io.checkup.report.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triage page printed by a real browser (Debian's headless Chromium, its print-to-PDF) and read
 * back page by page (poppler's pdftotext): every client at risk, even one with every indicator out
 * of norm and thousands of elements behind them, starts a page of its own and ends on that same A4
 * page. Runs with {@code -Dcheckup.test.browser=true} ({@code .ci/run} installs both programs).
 */
@EnabledIfSystemProperty(named = "checkup.test.browser", matches = "true")
class ReportPrintTest {

  private static final int AT_RISK = 12;

  @Test
  void eachClientAtRiskPrintsOnOneA4PageOfItsOwn(@TempDir Path dir) throws Exception {
    Map<String, Status> everything = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      everything.put(indicator.id(), Status.OUT_OF_NORM);
    }
    List<TenantReport> tenants = new ArrayList<>();
    for (int i = 0; i < AT_RISK; i++) {
      int client = i;
      int elements = 100 + client;
      tenants.add(
          ReportPagesTest.tenant(
              "client-" + client,
              "Client number " + client + " with a long company name GmbH & Co. KG",
              RiskLevel.AT_RISK,
              client,
              -12,
              RiskLevel.ATTENTION,
              everything,
              indicator -> elements(client, elements)));
    }
    for (int i = 0; i < 3; i++) {
      tenants.add(
          ReportPagesTest.tenant(
              "fine-" + i,
              "Healthy client " + i,
              RiskLevel.HEALTHY,
              95,
              0,
              RiskLevel.HEALTHY,
              Map.of(),
              indicator -> List.of()));
    }
    String html =
        ReportPages.triage(
            ReportPagesTest.report(tenants.toArray(TenantReport[]::new)), ReportPagesTest.COCKPIT);
    List<String> pages = print(dir, html);

    for (int client = 0; client < AT_RISK; client++) {
      String marker = marker(client);
      List<Integer> with = new ArrayList<>();
      for (int page = 0; page < pages.size(); page++) {
        if (pages.get(page).contains(marker)) {
          with.add(page);
        }
      }
      // the client's elements are on one page, with its header and the closing note of its section
      assertThat(with).as("pages with the elements of client %d", client).hasSize(1);
      String page = pages.get(with.get(0));
      int unlisted = Indicator.values().length * (100 + client) - ReportPages.TRIAGE_CLIENT_DETAILS;
      assertThat(page)
          .as("the page of client %d", client)
          .contains("Client number " + client + " with")
          .contains(unlisted + " more elements");
      // and nothing of another client at risk is on it, nor a healthy client after the last one
      for (int other = 0; other < AT_RISK; other++) {
        if (other != client) {
          assertThat(page).doesNotContain(marker(other));
        }
      }
      assertThat(page).doesNotContain("Healthy client");
    }
  }

  private static String marker(int client) {
    return "Onboardingq" + client + "x";
  }

  private static List<Map<String, Object>> elements(int client, int count) {
    List<Map<String, Object>> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("taskId", "00000000-0000-0000-0000-" + String.format("%012d", i));
      task.put("name", "Check the customer's documents and call back within two days");
      task.put("processKey", "customer-onboarding-with-a-long-key");
      task.put("processName", marker(client));
      task.put("processDefinitionId", "customer-onboarding-with-a-long-key:12:" + i);
      task.put("processInstanceId", "11111111-0000-0000-0000-" + String.format("%012d", i));
      task.put("assignee", "someone.with.a.long.name");
      elements.add(task);
    }
    return elements;
  }

  /** The text of each printed page. */
  private static List<String> print(Path dir, String html) throws Exception {
    Path page = dir.resolve("triage.html");
    Path pdf = dir.resolve("triage.pdf");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    chromium(dir, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
    String info = run(dir, "pdfinfo", pdf.toString());
    assertThat(info).as("paper size").contains("(A4)");
    String text = run(dir, "pdftotext", "-layout", pdf.toString(), "-");
    List<String> pages = List.of(text.split("\f"));
    return pages.stream().filter(p -> !p.isBlank()).collect(Collectors.toList());
  }

  /**
   * Debian's headless Chromium, quiet and with a profile of its own in {@code dir}, with these
   * further arguments; what it writes to standard output.
   */
  static String chromium(Path dir, String... arguments) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(arguments));
    return run(dir, command.toArray(String[]::new));
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(false)
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue())
        .as(String.join(" ", command) + ": " + Files.readString(dir.resolve("stderr.txt")))
        .isZero();
    return out;
  }
}
