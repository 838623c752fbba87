package io.checkup.engine;

import io.checkup.lint.Finding;
import java.util.List;

/**
 * The lint findings of one BPMN resource of a deployment.
 *
 * @param deploymentId the deployment
 * @param resourceName the resource (file name) within it
 * @param findings the findings of the processes the engine deployed from it, in file order
 */
public record ResourceFindings(String deploymentId, String resourceName, List<Finding> findings) {

  public ResourceFindings {
    findings = List.copyOf(findings);
  }
}
