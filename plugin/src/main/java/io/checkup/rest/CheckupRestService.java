package io.checkup.rest;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.CheckupRegistry;
import io.checkup.engine.LintBusyException;
import io.checkup.engine.ResourceFindings;
import io.checkup.report.Report;
import io.checkup.report.ReportFormats;
import io.checkup.report.ReportScope;
import io.checkup.report.ReportUnavailableException;
import io.checkup.report.page.PageLinks;
import io.checkup.report.page.ReportPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-up inside Camunda's REST API ({@code /engine-rest/checkup}), so Camunda's
 * authentication applies: when it is on, a caller sees the tenants they are a member of (directly
 * or through a group), administrators see all, and anything else is answered 404 exactly as a
 * tenant that does not exist.
 *
 * <p>This path serves the default engine; {@link NamedEngineCheckupRestService} serves a named one
 * under {@code /engine-rest/engine/{name}/checkup}, the path on which Camunda's authentication
 * filter authenticates the caller against that engine.
 */
@Path("/checkup")
public class CheckupRestService {

  static final String CSV = "text/csv";
  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.rest");

  @Context private HttpHeaders headers;

  @Context private UriInfo uri;

  /** The engine asked: null for the default engine. */
  protected String engineName() {
    return null;
  }

  // no @Produces on the report: the format is chosen below, and ?format wins over any Accept header
  @GET
  @Path("/report")
  public Response report(
      @QueryParam("format") String format,
      @QueryParam("view") String view,
      @QueryParam("withoutTenantId") String withoutTenantId) {
    return readable(
        format,
        () -> {
          Checkup checkup = checkup(engineName());
          Caller caller = Caller.of(checkup.engine());
          if (Answers.flag("withoutTenantId", withoutTenantId)) {
            return tenantReport(
                checkup, caller, null, format, view, "checkup-report-without-tenant");
          }
          ReportScope scope =
              caller.sees() == null ? ReportScope.all() : ReportScope.of(caller.sees());
          return render(
              checkup,
              generate(checkup, scope),
              format,
              view,
              "checkup-report",
              links(null, false));
        });
  }

  /**
   * The answer, and an error of it as a page when the request asked for one ({@code ?format=html},
   * or an {@code Accept} header that chooses HTML): a partner who follows a link from a page sees a
   * sentence, not Camunda's JSON. Any other request gets the JSON error.
   */
  private Response readable(String format, Supplier<Response> answer) {
    return "html".equals(format(format)) ? Answers.pageEvenOnError(answer) : answer.get();
  }

  /** The report, or the 503 answer that says why it cannot be had now. */
  private static Report generate(Checkup checkup, ReportScope scope) {
    if (checkup.plugin().unavailableReason() != null) {
      throw new WebApplicationException(
          Answers.error(
              Response.Status.NOT_FOUND,
              "InvalidRequestException",
              "The check-up report is off on process engine '"
                  + checkup.engine().getName()
                  + "': "
                  + checkup.plugin().unavailableReason()
                  + ". Deploy-time lint runs (docs/install.md: databases)."));
    }
    try {
      return checkup.plugin().getReport().generate(scope);
    } catch (ReportUnavailableException e) {
      throw Answers.unavailable(e);
    }
  }

  @GET
  @Path("/report/{tenantId}")
  public Response tenantReport(
      @PathParam("tenantId") String tenantId,
      @QueryParam("format") String format,
      @QueryParam("view") String view) {
    return readable(
        format,
        () -> {
          Checkup checkup = checkup(engineName());
          return tenantReport(
              checkup,
              Caller.of(checkup.engine()),
              tenantId,
              format,
              view,
              "checkup-report-" + tenantId);
        });
  }

  /**
   * One tenant's report (null: the tenant-less part), or 404 exactly as for a tenant that does not
   * exist.
   */
  private Response tenantReport(
      Checkup checkup,
      Caller caller,
      String tenantId,
      String format,
      String view,
      String fileName) {
    if (!caller.canSee(tenantId)) {
      return Answers.noTenant(tenantId);
    }
    Report report = generate(checkup, ReportScope.of(Collections.singleton(tenantId)));
    if (report.tenants().isEmpty()) {
      return Answers.noTenant(tenantId);
    }
    return render(checkup, report, format, view, fileName, links(tenantId, true));
  }

  @GET
  @Path("/history")
  public Response tenantLessHistory(
      @QueryParam("withoutTenantId") String withoutTenantId,
      @QueryParam("days") String days,
      @QueryParam("format") String format) {
    return readable(
        format,
        () -> {
          if (!Answers.flag("withoutTenantId", withoutTenantId)) {
            return Answers.badRequest(
                "Name a tenant: /history/{tenantId}, or /history?withoutTenantId=true for the"
                    + " tenant-less part.");
          }
          Checkup checkup = checkup(engineName());
          return history(checkup, Caller.of(checkup.engine()), null, days, format);
        });
  }

  @GET
  @Path("/history/{tenantId}")
  public Response tenantHistory(
      @PathParam("tenantId") String tenantId,
      @QueryParam("days") String days,
      @QueryParam("format") String format) {
    return readable(
        format,
        () -> {
          Checkup checkup = checkup(engineName());
          return history(checkup, Caller.of(checkup.engine()), tenantId, days, format);
        });
  }

  /** A tenant's daily snapshots in the format the request asks for. */
  private Response history(
      Checkup checkup, Caller caller, String tenantId, String days, String format) {
    String chosen = format(format);
    Response refusal =
        chosen == null
            ? Answers.badRequest(
                "Unknown format '"
                    + Answers.echo(format)
                    + "' for the history: use json, csv or html.")
            : chosen.equals(NOT_ACCEPTABLE) ? notAcceptable() : null;
    return HistoryAnswer.of(
        checkup.engine(),
        checkup.plugin(),
        caller,
        tenantId,
        days,
        chosen,
        refusal,
        links(tenantId, true));
  }

  /** The lint answers are JSON: {@code format} absent or {@code json}, as on the report. */
  private static boolean jsonOnly(String format) {
    return format == null || format.isBlank() || format.trim().equalsIgnoreCase("json");
  }

  private static Response lintIsJson(String format) {
    return Answers.badRequest(
        "Unknown format '" + Answers.echo(format) + "' for lint findings: they are JSON only.");
  }

  @GET
  @Path("/alerts")
  public Response alerts(
      @QueryParam("limit") String limit,
      @QueryParam("tenantId") String tenantId,
      @QueryParam("withoutTenantId") String withoutTenantId,
      @QueryParam("status") String status,
      @QueryParam("olderThan") String olderThan) {
    if (!acceptsJson()) {
      return notAcceptable("does not take application/json, the only format of the alerts.");
    }
    Checkup checkup = checkup(engineName());
    return AlertsAnswer.of(
        checkup.engine(), checkup.plugin(), limit, tenantId, withoutTenantId, status, olderThan);
  }

  @GET
  @Path("/lint/deployment/{deploymentId}")
  // no @Produces: an Accept header without JSON gets a 406 that says what is served
  public Response deploymentFindings(
      @PathParam("deploymentId") String deploymentId, @QueryParam("format") String format) {
    if (!jsonOnly(format)) {
      return lintIsJson(format);
    }
    if ((format == null || format.isBlank()) && !acceptsJson()) {
      return notAcceptableLint();
    }
    Checkup checkup = checkup(engineName());
    // asked through the engine's own query: Camunda's tenant and authorization checks decide what
    // the caller sees
    Deployment deployment =
        checkup
            .engine()
            .getRepositoryService()
            .createDeploymentQuery()
            .deploymentId(deploymentId)
            .singleResult();
    Optional<List<ResourceFindings>> found;
    try {
      found =
          deployment == null
              ? Optional.empty()
              : checkup.plugin().getLintResults().forDeployment(deploymentId);
    } catch (LintBusyException e) {
      throw Answers.unavailable(e);
    }
    if (found.isEmpty()) {
      return Answers.notFound("No deployment '" + Answers.echo(deploymentId) + "'.");
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (ResourceFindings resource : found.get()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("resource", resource.resourceName());
      entry.put("findings", FindingsJson.list(resource.findings()));
      // findings beyond the answer's bound: counted, not listed (the command line lists them all)
      entry.put("omittedFindings", resource.omitted());
      resources.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deploymentId", deploymentId);
    body.put("deploymentName", deployment.getName());
    body.put("tenantId", deployment.getTenantId());
    body.put("resources", resources);
    return Answers.json(body);
  }

  @GET
  @Path("/lint/process-definition/{id}")
  // no @Produces: an Accept header without JSON gets a 406 that says what is served
  public Response processDefinitionFindings(
      @PathParam("id") String id, @QueryParam("format") String format) {
    if (!jsonOnly(format)) {
      return lintIsJson(format);
    }
    if ((format == null || format.isBlank()) && !acceptsJson()) {
      return notAcceptableLint();
    }
    Checkup checkup = checkup(engineName());
    ProcessDefinition definition =
        checkup
            .engine()
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionId(id)
            .singleResult();
    Optional<ResourceFindings> found;
    try {
      found =
          definition == null
              ? Optional.empty()
              : checkup.plugin().getLintResults().ofProcessDefinition(id);
    } catch (LintBusyException e) {
      throw Answers.unavailable(e);
    }
    if (found.isEmpty()) {
      return Answers.notFound("No process definition '" + Answers.echo(id) + "'.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processDefinitionId", id);
    body.put("processDefinitionKey", definition.getKey());
    body.put("version", definition.getVersion());
    body.put("tenantId", definition.getTenantId());
    body.put("resource", definition.getResourceName());
    body.put("findings", FindingsJson.list(found.get().findings()));
    // the file's findings beyond the bound kept: counted, not listed (the command line lists them)
    body.put("omittedFindings", found.get().omitted());
    return Answers.json(body);
  }

  // ---- formats ----

  private Response render(
      Checkup checkup,
      Report report,
      String format,
      String view,
      String fileName,
      PageLinks links) {
    String chosen = format(format);
    if (chosen == null) {
      return Answers.badRequest(
          "Unknown format '" + Answers.echo(format) + "': use json, csv or html.");
    }
    if (chosen.equals(NOT_ACCEPTABLE)) {
      return notAcceptable();
    }
    boolean full = view != null && view.trim().equalsIgnoreCase("full");
    if (view != null && !view.isBlank() && !full && !view.trim().equalsIgnoreCase("triage")) {
      return Answers.badRequest(
          "Unknown view '" + Answers.echo(view) + "': use triage (the default) or full.");
    }
    return switch (chosen) {
      case "csv" -> Answers.csv(ReportFormats.csv(report), fileName);
      case "html" -> {
        String cockpit = checkup.plugin().cockpitUrl(checkup.engine().getName());
        yield Answers.html(
            full
                ? ReportPages.full(report, cockpit, links)
                : ReportPages.triage(report, cockpit, links));
      }
      default -> Answers.json(report);
    };
  }

  /**
   * The links of a page of this resource, relative to its address: {@code /report} and the
   * tenant-less {@code /report?withoutTenantId=true} and {@code /history?withoutTenantId=true} lie
   * one segment below the check-up's path, a tenant's {@code /report/acme} and {@code
   * /history/acme} two.
   *
   * <p>An address ending in a slash lies one segment deeper ({@link Answers#depth}).
   *
   * @param tenantId the tenant the page is about, null for the tenant-less part
   * @param oneTenant the page is about one tenant (or the tenant-less part), not the whole report
   */
  private PageLinks links(String tenantId, boolean oneTenant) {
    return oneTenant && tenantId != null
        ? PageLinks.rest(Answers.depth(uri, 2), false)
        : PageLinks.rest(Answers.depth(uri, 1), oneTenant);
  }

  /** The answer to an Accept header that names none of the formats: 406, as the engine's own. */
  private static final String NOT_ACCEPTABLE = "not acceptable";

  /**
   * {@code ?format} wins; otherwise the first of JSON, CSV or HTML the Accept header names (in its
   * order of preference), JSON for {@code application/*}, HTML for a bare {@code text/*}, JSON for
   * {@code * / *} or no header, never a format it names with {@code q=0}, and {@link
   * #NOT_ACCEPTABLE} for a header that leaves none of them ({@code application/xml}): a client that
   * can read only those could not read the answer.
   */
  private String format(String format) {
    if (format != null && !format.isBlank()) {
      String name = format.trim().toLowerCase(Locale.ROOT);
      return name.equals("json") || name.equals("csv") || name.equals("html") ? name : null;
    }
    if (headers == null) {
      return "json";
    }
    // a format named with q=0 is one the client does not take, even where a wildcard would
    Set<String> refusedFormats = new HashSet<>();
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      String exact = exactFormat(type);
      if (refused(type) && exact != null) {
        refusedFormats.add(exact);
      }
    }
    boolean anyText = false;
    boolean anything = false;
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (refused(type)) {
        continue;
      }
      if (type.isWildcardType()) {
        anything = true;
      } else if (type.isWildcardSubtype()) {
        if ("application".equalsIgnoreCase(type.getType()) && !refusedFormats.contains("json")) {
          return "json";
        }
        anyText |= "text".equalsIgnoreCase(type.getType());
      } else {
        String exact = exactFormat(type);
        if (exact != null && !refusedFormats.contains(exact)) {
          return exact;
        }
      }
    }
    if (anyText || anything) {
      for (String fallback : anyText ? List.of("html", "csv") : List.of("json", "html", "csv")) {
        if (!refusedFormats.contains(fallback)) {
          return fallback;
        }
      }
    }
    return NOT_ACCEPTABLE;
  }

  /** The format a concrete media type names, or null. */
  private static String exactFormat(MediaType type) {
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return null;
    }
    if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return "json";
    }
    if (type.isCompatible(MediaType.valueOf(CSV))) {
      return "csv";
    }
    return type.isCompatible(MediaType.TEXT_HTML_TYPE) ? "html" : null;
  }

  /** A type the client names with {@code q=0}: one it does not accept. */
  private static boolean refused(MediaType type) {
    String q = type.getParameters().get("q");
    if (q == null) {
      return false;
    }
    try {
      return Double.parseDouble(q.trim()) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether the Accept header (or its absence) lets the answer be JSON. */
  private boolean acceptsJson() {
    if (headers == null) {
      return true;
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (!refused(type) && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return true;
      }
    }
    return false;
  }

  private Response notAcceptableLint() {
    return notAcceptable("does not take application/json, the only format of lint findings.");
  }

  private Response notAcceptable() {
    return notAcceptable(
        "names none of the formats of this resource: application/json, text/csv or text/html (or"
            + " ?format=json|csv|html).");
  }

  /** 406, as the engine's own resources answer it, saying what the Accept header lacks. */
  private Response notAcceptable(String lacks) {
    return Answers.error(
        Response.Status.NOT_ACCEPTABLE,
        "InvalidRequestException",
        "The Accept header '"
            + Answers.echo(headers.getHeaderString(HttpHeaders.ACCEPT))
            + "' "
            + lacks);
  }

  // ---- the engine and the plugin ----

  private record Checkup(ProcessEngine engine, CheckupProcessEnginePlugin plugin) {}

  private static Checkup checkup(String engineName) {
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    if (engine == null) {
      throw new WebApplicationException(
          Answers.error(
              Response.Status.NOT_FOUND,
              "InvalidRequestException",
              "No process engine"
                  + (engineName == null ? "" : " named '" + Answers.echo(engineName) + "'")
                  + " is available."));
    }
    String authenticatedOn = Caller.authenticatedElsewhere(engine);
    if (authenticatedOn != null) {
      // the filter authenticated the caller on another engine: this one would take them for "no
      // authentication"
      throw new WebApplicationException(
          Answers.error(
              Response.Status.FORBIDDEN,
              "AuthorizationException",
              "Authenticated on process engine '"
                  + authenticatedOn
                  + "', not on '"
                  + engine.getName()
                  + "': ask /engine/"
                  + engine.getName()
                  + "/checkup."));
    }
    CheckupProcessEnginePlugin plugin = CheckupRegistry.of(engine.getName());
    if (plugin == null) {
      LOG.warn(
          "camunda-checkup: the REST resources are registered but engine '{}' runs without the plugin",
          engine.getName());
      throw new WebApplicationException(
          Answers.error(
              Response.Status.NOT_FOUND,
              "InvalidRequestException",
              "The camunda-checkup plugin is not installed in process engine '"
                  + engine.getName()
                  + "'."));
    }
    return new Checkup(engine, plugin);
  }
}
