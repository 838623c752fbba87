package io.checkup.alerts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.report.Report.TenantReport;
import io.checkup.report.RiskLevel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The JSON an alert carries (fixed in docs/alerts.md): the tenant, its level and score before and
 * now, the top reasons, a link to its report, when it was raised, and the alert's id (also its
 * {@code Idempotency-Key}).
 *
 * @param triggers why it was raised: {@code risk-level} and/or {@code score-drop}
 * @param referenceScore for a score drop, the score it fell from
 */
@JsonPropertyOrder({
  "id",
  "tenantId",
  "tenantName",
  "previousLevel",
  "riskLevel",
  "previousScore",
  "score",
  "referenceScore",
  "triggers",
  "reasons",
  "reportUrl",
  "at"
})
record AlertBody(
    String id,
    String tenantId,
    String tenantName,
    RiskLevel previousLevel,
    RiskLevel riskLevel,
    Integer previousScore,
    int score,
    Integer referenceScore,
    List<String> triggers,
    List<String> reasons,
    String reportUrl,
    String at) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static AlertBody of(
      String id, TenantReport tenant, Worsening.Judgement judgement, String reportUrl, long at) {
    return new AlertBody(
        id,
        tenant.tenantId(),
        tenant.tenantName(),
        judgement.previousLevel(),
        tenant.riskLevel(),
        judgement.previousScore(),
        tenant.score(),
        judgement.referenceScore(),
        judgement.triggers(),
        List.copyOf(tenant.reasons()),
        link(reportUrl, tenant.tenantId()),
        Instant.ofEpochMilli(at).toString());
  }

  /** The tenant's report page under the configured report address. */
  static String link(String reportUrl, String tenantId) {
    String base =
        reportUrl.endsWith("/") ? reportUrl.substring(0, reportUrl.length() - 1) : reportUrl;
    if (tenantId == null) {
      return base + "?withoutTenantId=true&format=html";
    }
    return base
        + "/"
        + URLEncoder.encode(tenantId, StandardCharsets.UTF_8).replace("+", "%20")
        + "?format=html";
  }

  /**
   * What an alert's stored body said of its tenant (its level and score, and when it was raised),
   * or null when the body does not say (not written by this class).
   */
  static Worsening.LastAlert lastAlert(String json) {
    try {
      JsonNode body = JSON.readTree(json);
      JsonNode level = body.path("riskLevel");
      JsonNode score = body.path("score");
      JsonNode at = body.path("at");
      if (!level.isTextual() || !score.canConvertToInt() || !at.isTextual()) {
        return null;
      }
      return new Worsening.LastAlert(
          JSON.treeToValue(level, RiskLevel.class),
          score.intValue(),
          Instant.parse(at.textValue()).toEpochMilli());
    } catch (JsonProcessingException | DateTimeParseException e) {
      return null;
    }
  }

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert cannot be written as JSON", e);
    }
  }
}
