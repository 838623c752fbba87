package io.checkup.cockpit;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.report.page.PageLinks;
import io.checkup.report.page.ReportPages;
import io.checkup.rest.Answers;
import io.checkup.rest.Caller;
import io.checkup.rest.HistoryAnswer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The check-up on Cockpit's dashboard ({@code GET .../dashboard}: one row per tenant the logged-in
 * user may see, in the report's order, those at risk first) and each tenant's full report page
 * ({@code GET .../dashboard/report/{tenantId}}, {@code .../dashboard/report-without-tenant}), under
 * the REST API's tenant rules: members see their tenants, administrators all and the tenant-less
 * part; anything else is a 404 exactly like a tenant that does not exist.
 */
public class DashboardResource extends CockpitResource {

  /** How many of a tenant's reasons the dashboard shows. */
  static final int TOP_REASONS = 3;

  DashboardResource(String engineName) {
    super(engineName);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response tenants() {
    Caller caller = caller();
    Report report =
        report(caller.sees() == null ? ReportScope.all() : ReportScope.of(caller.sees()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Report.TenantReport tenant : report.tenants()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("tenantId", tenant.tenantId());
      row.put("tenantName", tenant.tenantName());
      row.put("riskLevel", tenant.riskLevel());
      row.put("score", tenant.score());
      row.put("scoreChange7d", tenant.scoreChange7d());
      row.put("levelSince", tenant.levelSince());
      row.put("worsening", tenant.worsening());
      row.put(
          "reasons", tenant.reasons().subList(0, Math.min(TOP_REASONS, tenant.reasons().size())));
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("generatedAt", report.generatedAt());
    body.put("tenants", rows);
    return Answers.json(body);
  }

  @GET
  @Path("report/{tenantId}")
  public Response tenantReport(@PathParam("tenantId") String tenantId, @Context UriInfo uri) {
    return page(tenantId, uri);
  }

  @GET
  @Path("report-without-tenant")
  public Response tenantLessReport(@Context UriInfo uri) {
    return page(null, uri);
  }

  @GET
  @Path("history/{tenantId}")
  public Response tenantHistory(
      @PathParam("tenantId") String tenantId,
      @QueryParam("days") String days,
      @Context UriInfo uri) {
    return history(tenantId, days, uri);
  }

  @GET
  @Path("history-without-tenant")
  public Response tenantLessHistory(@QueryParam("days") String days, @Context UriInfo uri) {
    return history(null, days, uri);
  }

  /**
   * A tenant's history page (null: the tenant-less part), as the REST API's {@code
   * /history/{tenantId}?format=html}, with its tenant checks.
   */
  private Response history(String tenantId, String days, UriInfo uri) {
    return Answers.pageEvenOnError(
        () -> {
          ProcessEngine engine = engine();
          try {
            return HistoryAnswer.of(
                engine, checkup(), caller(), tenantId, days, "html", null, links(tenantId, uri));
          } catch (WebApplicationException e) {
            throw e;
          } catch (RuntimeException e) {
            throw failed("check-up history", e);
          }
        });
  }

  // no @Produces on the pages: a link opens them whatever the browser says it accepts

  /** A tenant's full report page (null: the tenant-less part), or a 404 that tells nothing. */
  private Response page(String tenantId, UriInfo uri) {
    return Answers.pageEvenOnError(
        () -> {
          if (!caller().canSee(tenantId)) {
            return Answers.noTenant(tenantId);
          }
          Report report = report(ReportScope.of(Collections.singleton(tenantId)));
          if (report.tenants().isEmpty()) {
            return Answers.noTenant(tenantId);
          }
          CheckupProcessEnginePlugin checkup = checkup();
          return Answers.html(
              ReportPages.full(
                  report, checkup.cockpitUrl(engine().getName()), links(tenantId, uri)));
        });
  }

  /**
   * The links of a tenant's page ({@code report/acme}, {@code history-without-tenant}), relative to
   * its address; one ending in a slash lies one segment deeper ({@link Answers#depth}).
   */
  private static PageLinks links(String tenantId, UriInfo uri) {
    return PageLinks.cockpit(Answers.depth(uri, tenantId == null ? 1 : 2));
  }
}
