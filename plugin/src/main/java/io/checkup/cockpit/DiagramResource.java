package io.checkup.cockpit;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.engine.LintBusyException;
import io.checkup.lint.Finding;
import io.checkup.lint.RulePages;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.report.ReportUnavailableException;
import io.checkup.rest.Answers;
import io.checkup.rest.FindingsJson;
import io.checkup.stats.Metric;
import io.checkup.stats.StatsQuery;
import io.checkup.stats.UtcPeriods;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * One process definition on Cockpit's diagram: its lint findings ({@code GET
 * .../process-definition/{id}}), the flows the check-up found dead ({@code .../dead-flows}), and
 * how often each element ended and each gateway flow was taken in a window ({@code
 * .../heatmap?window=24h|7d|30d}).
 *
 * <p>The definition is looked up with the engine's own query, so Camunda's tenant check and
 * authorizations decide, as for the REST API's {@code /checkup/lint/process-definition/{id}}:
 * anything the caller may not see is a 404 exactly like a definition that does not exist. Dead
 * flows and the heatmap are run-time statistics of the tenant and follow the check-up's stricter
 * rule ({@link io.checkup.rest.Caller}): a tenant-less definition's are for administrators.
 */
public class DiagramResource extends CockpitResource {

  /** The heatmap's windows, as the diagram offers them. */
  static final Map<String, Duration> WINDOWS =
      Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

  private static final String DEAD_BRANCHES = "runtime.dead-branches-30d";

  private final String id;

  DiagramResource(String engineName, String id) {
    super(engineName);
    this.id = id;
  }

  private ProcessDefinition definition() {
    ProcessDefinition definition =
        engine()
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionId(id)
            .singleResult();
    if (definition == null) {
      throw notFound();
    }
    return definition;
  }

  /** The definition, when the caller may also see its tenant's check-up and statistics. */
  private ProcessDefinition definitionWithStatistics() {
    ProcessDefinition definition = definition();
    if (!caller().canSee(definition.getTenantId())) {
      throw notFound();
    }
    return definition;
  }

  private WebApplicationException notFound() {
    return new WebApplicationException(
        Answers.notFound("No process definition '" + Answers.echo(id) + "'."));
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response findings() {
    ProcessDefinition definition = definition();
    Optional<List<Finding>> found;
    try {
      found = checkup().getLintResults().forProcessDefinition(id);
    } catch (LintBusyException e) {
      throw Answers.unavailable(e);
    }
    if (found.isEmpty()) {
      throw notFound();
    }
    List<Map<String, Object>> findings = FindingsJson.list(found.get());
    for (Map<String, Object> finding : findings) {
      finding.put("ruleUrl", RulePages.of((String) finding.get("rule")));
    }
    Map<String, Object> body = about(definition);
    body.put("findings", findings);
    // whether the caller may see this definition's heatmap and dead branches (a definition without
    // a tenant: administrators only), so that Cockpit asks for them only then
    body.put("statistics", caller().canSee(definition.getTenantId()));
    return Answers.json(body);
  }

  /**
   * The flows of this definition that the check-up's {@code runtime.dead-branches-30d} found dead,
   * and, when it cannot tell for this definition, why not ({@code note}).
   */
  @GET
  @Path("dead-flows")
  @Produces(MediaType.APPLICATION_JSON)
  public Response deadFlows() {
    ProcessDefinition definition = definitionWithStatistics();
    CheckupProcessEnginePlugin checkup = checkup();
    Map<String, Object> body = about(definition);
    List<Map<String, Object>> dead = new ArrayList<>();
    body.put("deadFlows", dead);
    if (checkup.unavailableReason() != null) {
      body.put("note", "Statistics are off: " + checkup.unavailableReason() + ".");
      return Answers.json(body);
    }
    Report report = report(ReportScope.of(Collections.singleton(definition.getTenantId())));
    if (report.tenants().isEmpty()) {
      body.put("note", "This tenant is left out of the check-up.");
      return Answers.json(body);
    }
    for (Report.IndicatorResult indicator : report.tenants().get(0).indicators()) {
      if (indicator.id().equals(DEAD_BRANCHES)) {
        collect(indicator, definition, dead, body);
      }
    }
    return Answers.json(body);
  }

  /** The latest version of the definition's process in its tenant, or null if none is found. */
  private Integer latestVersion(ProcessDefinition definition) {
    var query =
        engine()
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(definition.getKey())
            .latestVersion();
    ProcessDefinition latest =
        (definition.getTenantId() == null
                ? query.withoutTenantId()
                : query.tenantIdIn(definition.getTenantId()))
            .singleResult();
    return latest == null ? null : latest.getVersion();
  }

  /** This definition's dead flows from the indicator's details, or a note why there are none. */
  private void collect(
      Report.IndicatorResult indicator,
      ProcessDefinition definition,
      List<Map<String, Object>> dead,
      Map<String, Object> body) {
    List<Map<String, Object>> details =
        indicator.details() == null ? List.of() : indicator.details();
    for (Map<String, Object> item : details) {
      if (id.equals(item.get("processDefinitionId"))) {
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("flowId", item.get("flowId"));
        flow.put("gatewayId", item.get("gatewayId"));
        flow.put("gatewayRuns", item.get("gatewayRuns"));
        dead.add(flow);
      }
    }
    if (!dead.isEmpty()) {
      return;
    }
    // the check-up judges the latest version of each process, dead branches or not
    Integer latest = latestVersion(definition);
    if (latest != null && latest != definition.getVersion()) {
      body.put("note", "The check-up judges version " + latest + " of this process, not this one.");
    } else if (indicator.value() != null && indicator.value().longValue() > details.size()) {
      body.put(
          "note",
          "The check-up lists "
              + details.size()
              + " of the tenant's "
              + indicator.value()
              + " dead branches; see its report for the rest.");
    }
  }

  @GET
  @Path("heatmap")
  @Produces(MediaType.APPLICATION_JSON)
  public Response heatmap(@QueryParam("window") String window) {
    if (window == null || window.isBlank()) {
      return Answers.badRequest("The heatmap needs a window: use 24h, 7d or 30d.");
    }
    // in any case and with spaces around, as the report's format and view
    String named = window.strip().toLowerCase(Locale.ROOT);
    Duration span = WINDOWS.get(named);
    if (span == null) {
      return Answers.badRequest(
          "Unknown window '" + Answers.echo(window) + "' for the heatmap: use 24h, 7d or 30d.");
    }
    ProcessDefinition definition = definitionWithStatistics();
    CheckupProcessEnginePlugin checkup = checkup();
    if (checkup.unavailableReason() != null) {
      return Answers.notFound(
          "The statistics are off on process engine '"
              + engine().getName()
              + "': "
              + checkup.unavailableReason()
              + ".");
    }
    long now = ClockUtil.getCurrentTime().getTime();
    // whole hours, the current one included: what the hourly rows can tell
    Instant from = Instant.ofEpochMilli(UtcPeriods.hourStart(now - span.toMillis()));
    Instant to = Instant.ofEpochMilli(now);
    Map<String, Object> body = about(definition);
    body.put("window", named);
    StatsQuery elements = query(checkup, definition, Metric.ACTIVITY_ENDED, from, to);
    StatsQuery.Span read = elements.span();
    // the window the rows cover: whole UTC days when they are daily
    body.put("from", Instant.ofEpochMilli(read.from()).toString());
    body.put("to", read.daily() ? Instant.ofEpochMilli(read.to()).toString() : to.toString());
    body.put("resolution", read.daily() ? "day" : "hour");
    try {
      // on the node's one turn for such reads: a locked table never lets heatmaps take the pool
      Map<String, Map<String, Long>> counts =
          checkup
              .getReport()
              .read(
                  "heatmap",
                  () ->
                      Map.of(
                          "elements",
                          elements.sumByDimension(),
                          "flows",
                          query(checkup, definition, Metric.FLOW_TAKEN, from, to)
                              .sumByDimension()));
      // the statistics hold an id longer than 255 characters in a shorter form: the model's ids
      Supplier<List<String>> ids = () -> idsOf(definition);
      body.put("elements", StatsQuery.underFullIds(counts.get("elements"), ids));
      body.put("flows", StatsQuery.underFullIds(counts.get("flows"), ids));
    } catch (ReportUnavailableException e) {
      throw Answers.unavailable(e);
    } catch (RuntimeException e) {
      throw failed("heatmap", e);
    }
    return Answers.json(body);
  }

  /**
   * Counts of one metric per element or flow, over every version of the definition's key (the
   * statistics count per key: an element that kept its id counts across versions).
   */
  private static StatsQuery query(
      CheckupProcessEnginePlugin checkup,
      ProcessDefinition definition,
      Metric metric,
      Instant from,
      Instant to) {
    return checkup
        .getStatistics()
        .query()
        .tenant(definition.getTenantId())
        .processKey(definition.getKey())
        .metric(metric)
        .between(from, to);
  }

  /** Every id in the definition's model (its elements' and flows'). */
  private List<String> idsOf(ProcessDefinition definition) {
    List<String> ids = new ArrayList<>();
    for (BaseElement element :
        engine()
            .getRepositoryService()
            .getBpmnModelInstance(definition.getId())
            .getModelElementsByType(BaseElement.class)) {
      ids.add(element.getId());
    }
    return ids;
  }

  private static Map<String, Object> about(ProcessDefinition definition) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processDefinitionId", definition.getId());
    body.put("processDefinitionKey", definition.getKey());
    body.put("version", definition.getVersion());
    body.put("tenantId", definition.getTenantId());
    return body;
  }
}
