package io.checkup.lint;

/**
 * One step of the path that leads to a flow finding: a choice taken at a gateway, an event that
 * fires, or the wait that never ends.
 *
 * @param elementId the element where it happens (null when it has no id)
 * @param flowId the sequence flow taken, where one is (null otherwise, or when it has no id)
 * @param step what happens, in the modeler's words
 * @param line line of the element's start tag (0 when unknown)
 */
public record WitnessStep(String elementId, String flowId, String step, int line) {}
