package io.checkup.report;

/**
 * A process definition just deployed, as the check-up records it.
 *
 * @param deployTime epoch milliseconds, or null when unknown
 */
public record DeployedModel(
    String definitionId,
    String tenantId,
    String processKey,
    int version,
    String deploymentId,
    Long deployTime) {}
