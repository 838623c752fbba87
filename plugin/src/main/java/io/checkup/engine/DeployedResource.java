package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.model.BpmnGraph;
import java.util.List;

/**
 * What one BPMN resource of a new deployment produced, published to the {@link DeploymentListener}s
 * once the deployment's transaction committed (so the definitions have their ids): the model's
 * graph, the lint findings of the processes the engine deployed from it, and those definitions.
 * Published in every lint mode; with lint off the findings are empty and {@code lintConfig} is
 * null.
 *
 * @param deployTime epoch milliseconds, or null when unknown
 * @param lintConfig the configuration the findings were found with, or null when nothing was linted
 */
public record DeployedResource(
    String deploymentId,
    String deploymentName,
    Long deployTime,
    String resourceName,
    BpmnGraph graph,
    List<Finding> findings,
    LintConfig lintConfig,
    List<Definition> definitions) {

  public DeployedResource {
    findings = List.copyOf(findings);
    definitions = List.copyOf(definitions);
  }

  /** A process definition the engine deployed from the resource. */
  public record Definition(String id, String key, int version, String tenantId) {}
}
