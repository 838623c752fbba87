package io.checkup.report;

/**
 * A process definition just deployed, with its profile for the check-up report.
 *
 * @param deployTime epoch milliseconds, or null when unknown
 */
public record DeployedModel(String definitionId, String tenantId, String processKey, int version,
    String deploymentId, Long deployTime, ModelProfile profile) {
}
