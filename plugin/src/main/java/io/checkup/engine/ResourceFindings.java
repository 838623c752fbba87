package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.WitnessStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lint findings of one BPMN resource of a deployment, at most {@value #MAX_FINDINGS} of them: a
 * model with more keeps its most severe ones (in file order within a severity) and the count of the
 * rest.
 *
 * @param deploymentId the deployment
 * @param resourceName the resource (file name) within it
 * @param findings the findings of the processes the engine deployed from it, in file order
 * @param omitted findings beyond {@value #MAX_FINDINGS}, not kept
 */
public record ResourceFindings(
    String deploymentId, String resourceName, List<Finding> findings, int omitted) {

  /**
   * The most findings one resource keeps, and one lint answer (a deployment's resources together)
   * lists.
   */
  public static final int MAX_FINDINGS = 1_000;

  public ResourceFindings {
    findings = List.copyOf(findings);
  }

  public ResourceFindings(String deploymentId, String resourceName, List<Finding> findings) {
    this(deploymentId, resourceName, findings, 0);
  }

  /** At most {@code limit} of these findings, the most severe first kept, listed in file order. */
  static ResourceFindings bounded(
      String deploymentId, String resourceName, List<Finding> findings, int limit) {
    if (findings.size() <= limit) {
      return new ResourceFindings(deploymentId, resourceName, findings, 0);
    }
    List<Finding> kept = new ArrayList<>(findings);
    // stable: file order stays within a severity
    kept.sort(Comparator.comparingInt(finding -> -finding.severity().ordinal()));
    kept = kept.subList(0, limit);
    Set<Finding> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    keep.addAll(kept);
    List<Finding> inFileOrder = new ArrayList<>(limit);
    for (Finding finding : findings) {
      if (keep.contains(finding)) {
        inFileOrder.add(finding);
      }
    }
    return new ResourceFindings(deploymentId, resourceName, inFileOrder, findings.size() - limit);
  }

  static ResourceFindings bounded(
      String deploymentId, String resourceName, List<Finding> findings) {
    return bounded(deploymentId, resourceName, findings, MAX_FINDINGS);
  }

  /**
   * Roughly what this takes on the heap, for the byte budget of the kept findings: every string of
   * a finding counted, its witness steps and facts too (a deadlock's witness in a large model is
   * hundreds of steps).
   */
  long estimatedBytes() {
    long bytes = 128 + 2L * (deploymentId.length() + resourceName.length());
    for (Finding finding : findings) {
      bytes +=
          160
              + 2L
                  * (finding.message().length()
                      + length(finding.elementId())
                      + length(finding.processId()));
      for (String related : finding.relatedElementIds()) {
        bytes += 48 + 2L * related.length();
      }
      for (WitnessStep step : finding.witness()) {
        bytes += 96 + 2L * (length(step.elementId()) + length(step.flowId()) + length(step.step()));
      }
      for (Map.Entry<String, Object> fact : finding.facts().entrySet()) {
        bytes += 48 + 2L * fact.getKey().length() + valueBytes(fact.getValue());
      }
    }
    return bytes;
  }

  /** A fact's value: a string, a number or flag, or lists and maps of them. */
  private static long valueBytes(Object value) {
    if (value instanceof CharSequence text) {
      return 48 + 2L * text.length();
    }
    if (value instanceof Collection<?> values) {
      long bytes = 32 + 8L * values.size();
      for (Object item : values) {
        bytes += valueBytes(item);
      }
      return bytes;
    }
    if (value instanceof Map<?, ?> map) {
      long bytes = 64;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        bytes += 32 + valueBytes(entry.getKey()) + valueBytes(entry.getValue());
      }
      return bytes;
    }
    return 16;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
