package io.checkup.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.Report;
import io.checkup.report.ReportConfig;
import io.checkup.report.ReportScenario;
import io.checkup.report.ReportScope;
import io.checkup.report.RiskLevel;
import io.checkup.testing.TestEngines;
import io.checkup.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The report scenario's four accounts with alerts to a test receiver: acme is healthy under {@link
 * ReportScenario#CONFIG}'s lowered norms and worsens when they are taken away ({@link
 * #acmeLosesItsNorms}); globex is at risk from the start.
 */
final class AlertScenario {

  static final String SECRET = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertScenario() {}

  /**
   * The plugin with alerts to this address and quick retries; the timeout is generous, so that a
   * slow answer on a busy machine is never a failed attempt that exact request counts would notice
   * (the tests of a receiver that hangs set their own).
   */
  static CheckupProcessEnginePlugin plugin(String webhook) {
    CheckupProcessEnginePlugin checkup = new CheckupProcessEnginePlugin();
    checkup.setStatsFlushInterval("1h");
    checkup.setReportConfig(ReportScenario.CONFIG);
    checkup.setAlertsWebhookUrl(webhook);
    checkup.setAlertsWebhookSecret(SECRET);
    checkup.setAlertsRetryAfter("100ms");
    checkup.setAlertsTimeout("30s");
    checkup.setAlertsReportUrl("https://camunda.example.com/engine-rest/checkup/report");
    return checkup;
  }

  /** Builds the engine and drives the scenario's history through it. */
  static ProcessEngine run(TestEngines engines, CheckupProcessEnginePlugin checkup) {
    ProcessEngine engine = engines.plugin(checkup).build();
    new ReportScenario(engine).run();
    assertThat(checkup.getStatistics().flushNow()).isTrue();
    return engine;
  }

  /** acme's lowered norms go: the report's defaults apply to it as to the others. */
  static void acmeLosesItsNorms(CheckupProcessEnginePlugin checkup) {
    checkup.getReport().config(ReportConfig.load(null, null, "{\"deadBranchMinRuns\": 10}"));
  }

  /** Every tenant's level in a fresh report (null key: the tenant-less part). */
  static Map<String, RiskLevel> levels(CheckupProcessEnginePlugin checkup) {
    Report report = checkup.getReport().generate(ReportScope.all());
    Map<String, RiskLevel> levels = new TreeMap<>(Comparator.nullsFirst(String::compareTo));
    for (Report.TenantReport tenant : report.tenants()) {
      levels.put(tenant.tenantId(), tenant.riskLevel());
    }
    return levels;
  }

  static JsonNode body(WebhookReceiver.Request request) throws IOException {
    return JSON.readTree(request.body());
  }

  /** The signature a receiver computes from the raw body and the shared secret. */
  static String expectedSignature(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }
}
