package io.checkup.cockpit;

import io.checkup.engine.CheckupProcessEnginePlugin;
import io.checkup.lint.Finding;
import io.checkup.lint.RulePages;
import io.checkup.report.Report;
import io.checkup.report.ReportScope;
import io.checkup.report.ReportUnavailableException;
import io.checkup.rest.Answers;
import io.checkup.rest.FindingsJson;
import io.checkup.stats.Metric;
import io.checkup.stats.StatsQuery;
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
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * One process definition on Cockpit's diagram: its lint findings and dead branches ({@code GET
 * .../process-definition/{id}}), and how often each element ended and each gateway flow was taken
 * in a window ({@code GET .../process-definition/{id}/heatmap?window=24h|7d|30d}).
 *
 * <p>The definition is looked up with the engine's own query, so Camunda's tenant and authorization
 * checks decide, as for the REST API's {@code /checkup/lint/process-definition/{id}}; anything the
 * caller may not see is a 404 exactly like a definition that does not exist.
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
      throw new WebApplicationException(Answers.notFound("No process definition '" + id + "'."));
    }
    return definition;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response findings() {
    ProcessDefinition definition = definition();
    CheckupProcessEnginePlugin checkup = checkup();
    Optional<List<Finding>> found = checkup.getLintResults().forProcessDefinition(id);
    if (found.isEmpty()) {
      return Answers.notFound("No process definition '" + id + "'.");
    }
    List<Map<String, Object>> findings = FindingsJson.list(found.get());
    for (Map<String, Object> finding : findings) {
      finding.put("ruleUrl", RulePages.of((String) finding.get("rule")));
    }
    Map<String, Object> body = about(definition);
    body.put("findings", findings);
    deadFlows(checkup, definition, body);
    return Answers.json(body);
  }

  /**
   * The flows of this definition that the report's {@code runtime.dead-branches-30d} found dead,
   * and, when there are none to show, why not (statistics off, the tenant left out of the report or
   * not the caller's to see).
   */
  private void deadFlows(
      CheckupProcessEnginePlugin checkup, ProcessDefinition definition, Map<String, Object> body) {
    List<Map<String, Object>> dead = new ArrayList<>();
    body.put("deadFlows", dead);
    String tenantId = definition.getTenantId();
    if (checkup.unavailableReason() != null) {
      body.put("deadFlowsNote", "Statistics are off: " + checkup.unavailableReason() + ".");
      return;
    }
    if (!caller().canSee(tenantId)) {
      body.put("deadFlowsNote", "The check-up of this tenant is not yours to see.");
      return;
    }
    Report report;
    try {
      report = checkup.getReport().generate(ReportScope.of(Collections.singleton(tenantId)));
    } catch (ReportUnavailableException e) {
      body.put("deadFlowsNote", "The check-up cannot be had now; try again shortly.");
      return;
    }
    if (report.tenants().isEmpty()) {
      body.put("deadFlowsNote", "This tenant is left out of the check-up.");
      return;
    }
    for (Report.IndicatorResult indicator : report.tenants().get(0).indicators()) {
      if (!indicator.id().equals(DEAD_BRANCHES) || indicator.details() == null) {
        continue;
      }
      for (Map<String, Object> item : indicator.details()) {
        if (id.equals(item.get("processDefinitionId"))) {
          Map<String, Object> flow = new LinkedHashMap<>();
          flow.put("flowId", item.get("flowId"));
          flow.put("gatewayId", item.get("gatewayId"));
          flow.put("gatewayRuns", item.get("gatewayRuns"));
          dead.add(flow);
        }
      }
    }
  }

  @GET
  @Path("heatmap")
  @Produces(MediaType.APPLICATION_JSON)
  public Response heatmap(@QueryParam("window") String window) {
    Duration span = window == null ? null : WINDOWS.get(window);
    if (span == null) {
      return Answers.badRequest(
          "Unknown window '" + window + "' for the heatmap: use 24h, 7d or 30d.");
    }
    ProcessDefinition definition = definition();
    CheckupProcessEnginePlugin checkup = checkup();
    if (checkup.unavailableReason() != null) {
      return Answers.notFound(
          "The statistics are off on process engine '"
              + engine().getName()
              + "': "
              + checkup.unavailableReason()
              + ".");
    }
    Instant to = ClockUtil.getCurrentTime().toInstant();
    Instant from = to.minus(span);
    Map<String, Object> body = about(definition);
    body.put("window", window);
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("elements", counts(checkup, definition, Metric.ACTIVITY_ENDED, from, to));
    body.put("flows", counts(checkup, definition, Metric.FLOW_TAKEN, from, to));
    return Answers.json(body);
  }

  /**
   * Counts of one metric per element or flow, over every version of the definition's key (the
   * statistics count per key: an element that kept its id counts across versions).
   */
  private static Map<String, Long> counts(
      CheckupProcessEnginePlugin checkup,
      ProcessDefinition definition,
      Metric metric,
      Instant from,
      Instant to) {
    StatsQuery query =
        checkup
            .getStatistics()
            .query()
            .tenant(definition.getTenantId())
            .processKey(definition.getKey())
            .metric(metric)
            .between(from, to);
    return query.sumByDimension();
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
