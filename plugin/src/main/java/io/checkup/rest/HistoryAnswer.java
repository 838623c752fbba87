package io.checkup.rest;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.CheckupReport;
import io.checkup.report.HistoryFormats;
import io.checkup.report.ReportUnavailableException;
import io.checkup.report.Snapshot;
import io.checkup.report.page.PageLinks;
import io.checkup.report.page.ReportPages;
import io.checkup.stats.UtcPeriods;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A tenant's daily snapshots (docs/report.md: History), as the REST API and Cockpit serve them,
 * with the same checks as its report: not visible, not there or left out of the report is a 404
 * that says nothing more.
 */
public final class HistoryAnswer {

  /** The days shown when not asked: about a quarter. */
  static final int DEFAULT_DAYS = 90;

  /** The most days one answer shows: ten years. */
  static final int MAX_DAYS = 3_660;

  private HistoryAnswer() {}

  /**
   * @param tenantId the tenant, null for the tenant-less part
   * @param days how many days back, as given (blank: {@value #DEFAULT_DAYS})
   * @param format {@code json}, {@code csv} or {@code html}, as chosen from the request
   * @param refusal the answer to a request whose format cannot be served, once the tenant checks
   *     pass (null: the format is served)
   * @param links where the page's links lead
   */
  public static Response of(
      ProcessEngine engine,
      CheckupProcessEnginePlugin plugin,
      Caller caller,
      String tenantId,
      String days,
      String format,
      Response refusal,
      PageLinks links) {
    if (!caller.canSee(tenantId)) {
      return Answers.noTenant(tenantId);
    }
    if (plugin.unavailableReason() != null) {
      return Answers.notFound(
          "The check-up history is off on process engine '"
              + engine.getName()
              + "': "
              + plugin.unavailableReason()
              + ".");
    }
    // a tenant left out of the report answers as one that does not exist, whatever else is asked;
    // whether it exists is what the report finds, not what the caller's authorizations let the
    // engine's queries show (a member without READ on the tenant still has its report)
    CheckupReport report = plugin.getReport();
    try {
      if (report.excludes(tenantId) || !report.knows(tenantId)) {
        return Answers.noTenant(tenantId);
      }
    } catch (ReportUnavailableException e) {
      throw Answers.unavailable(e);
    }
    // 90 days when not given (or blank, as a blank format is no format)
    int span = Answers.paddedCount("days", days, MAX_DAYS, DEFAULT_DAYS);
    if (refusal != null) {
      return refusal;
    }
    boolean page = format.equals("html");
    // before the read: should midnight pass in between, the page hides no day the read returns
    LocalDate today = UtcPeriods.date(ClockUtil.getCurrentTime().getTime());
    List<Snapshot> snapshots;
    try {
      // the page reads one day more, only for what changed on the first day it shows
      snapshots = report.history(tenantId, page ? span + 1 : span);
    } catch (ReportUnavailableException e) {
      throw Answers.unavailable(e);
    }
    if (page) {
      return Answers.html(
          ReportPages.history(
              tenantId, name(engine, tenantId), snapshots, today.minusDays(span), links));
    }
    if (format.equals("csv")) {
      return Answers.csv(
          HistoryFormats.csv(tenantId, snapshots),
          "checkup-history-" + (tenantId == null ? "without-tenant" : tenantId));
    }
    return Response.ok(
            HistoryFormats.json(tenantId, snapshots),
            MediaType.APPLICATION_JSON + "; charset=UTF-8")
        .build();
  }

  /** The name a history page shows: the tenant's name where the engine knows one. */
  private static String name(ProcessEngine engine, String tenantId) {
    if (tenantId == null) {
      return "(default)";
    }
    Tenant tenant =
        engine.getIdentityService().createTenantQuery().tenantId(tenantId).singleResult();
    return tenant == null || tenant.getName() == null || tenant.getName().isBlank()
        ? tenantId
        : tenant.getName();
  }
}
