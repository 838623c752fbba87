package io.checkup.stats;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Counts incidents as they are created. Added beside the engine's own handler of each incident type
 * (which stays in charge), because incident history events do not exist at history level none.
 */
final class IncidentObserver implements IncidentHandler {

  private final String type;
  private final StatsCollector collector;

  IncidentObserver(String type, StatsCollector collector) {
    this.type = type;
    this.collector = collector;
  }

  @Override
  public String getIncidentHandlerType() {
    return type;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    try {
      collector.record(
          context.getTenantId(),
          processKey(context.getProcessDefinitionId()),
          Metric.INCIDENT_CREATED,
          context.getActivityId());
    } catch (RuntimeException e) {
      collector.failed(e);
    }
    return null; // the engine's handler creates the incident
  }

  private static String processKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return "";
    }
    ProcessDefinitionEntity definition =
        Context.getProcessEngineConfiguration()
            .getDeploymentCache()
            .findDeployedProcessDefinitionById(processDefinitionId);
    return definition == null ? processDefinitionId : definition.getKey();
  }

  @Override
  public void resolveIncident(IncidentContext context) {
    // only creations are counted
  }

  @Override
  public void deleteIncident(IncidentContext context) {
    // only creations are counted
  }
}
