package io.checkup.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.alerts.AlertRecord;
import io.checkup.alerts.Alerts;
import io.checkup.engine.CheckupProcessEnginePlugin;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /checkup/alerts} (docs/alerts.md): the alerts kept, newest first, with where their
 * delivery stands, for administrators; what each one said as it was sent.
 */
final class AlertsAnswer {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.rest");
  private static final ObjectMapper JSON = new ObjectMapper();

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;

  private AlertsAnswer() {}

  /**
   * @param limit at most this many (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT})
   * @param tenantId only this tenant's, when given
   * @param withoutTenantId only the tenant-less part's, when {@code true}
   * @param status only alerts of this status, when given
   * @param olderThan the id of the last alert of the previous page, when given
   */
  static Response of(
      ProcessEngine engine,
      CheckupProcessEnginePlugin plugin,
      String limit,
      String tenantId,
      String withoutTenantId,
      String status,
      String olderThan) {
    if (Caller.of(engine).sees() != null) {
      // alerts are about every tenant: the partner's, as the webhook is
      return Answers.error(
          Response.Status.FORBIDDEN,
          "AuthorizationException",
          "The alerts are for administrators of process engine '"
              + engine.getName()
              + "'; a tenant's own check-up is at /checkup/report.");
    }
    Optional<Alerts> alerts = plugin.getAlerts();
    if (alerts.isEmpty()) {
      return Answers.notFound(
          "Alerts are off on process engine '"
              + engine.getName()
              + "': set checkup.alerts.webhook-url (plugin property alertsWebhookUrl; docs/alerts.md).");
    }
    // as ?days and ?format of the report: empty (a script's unset variable) is not given, padding
    // is
    // ignored
    int count = Answers.paddedCount("limit", limit, MAX_LIMIT, DEFAULT_LIMIT);
    boolean tenantLess = Answers.flag("withoutTenantId", withoutTenantId);
    if (tenantLess && tenantId != null) {
      return Answers.badRequest("Give tenantId or withoutTenantId=true, not both.");
    }
    if (tenantId != null && tenantId.isEmpty()) {
      // not "every tenant": a script whose variable is unset would get every client's alerts
      return Answers.badRequest(
          "tenantId is empty: give a tenant's id, or withoutTenantId=true for the alerts without"
              + " a tenant, or neither for all.");
    }
    status = status == null || status.isBlank() ? null : status.trim();
    if (status != null && !Alerts.STATUSES.contains(status)) {
      return Answers.badRequest(
          "status must be one of "
              + String.join(", ", Alerts.STATUSES)
              + ", not '"
              + Answers.echo(status)
              + "'.");
    }
    List<AlertRecord> kept;
    try {
      olderThan = olderThan == null || olderThan.isBlank() ? null : olderThan.trim();
      kept = alerts.get().list(count, tenantId == null && !tenantLess, tenantId, status, olderThan);
    } catch (SQLException e) {
      LOG.warn("camunda-checkup: the alerts could not be read ({})", e.toString());
      return Answers.error(
          Response.Status.SERVICE_UNAVAILABLE,
          "AlertsUnavailableException",
          "The alerts cannot be read now; try again.");
    }
    if (kept == null) {
      return Answers.badRequest(
          "olderThan names no alert kept: '"
              + Answers.echo(olderThan)
              + "' (alerts are kept 30 days); start again from the first page.");
    }
    List<Map<String, Object>> listed = new ArrayList<>(kept.size());
    for (AlertRecord alert : kept) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", alert.id());
      entry.put("tenantId", alert.tenantId());
      entry.put("status", alert.status());
      entry.put("attempts", alert.attempts());
      entry.put("created", instant(alert.created()));
      entry.put("sentAt", instant(alert.sentAt()));
      entry.put("lastError", alert.lastError());
      entry.put("nextAttempt", instant(alert.nextAttempt()));
      entry.put("alert", body(alert.body()));
      listed.add(entry);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("alerts", listed);
    return Answers.json(answer);
  }

  /** Epoch milliseconds as an ISO 8601 instant, as the alert's own {@code at}; null stays null. */
  private static String instant(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  /** The body as it was sent; a body that is not JSON (edited by hand) as its text. */
  private static Object body(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return body;
    }
  }
}
