package io.checkup.engine;

/**
 * Hears of each BPMN resource a new deployment produced, after the deployment committed. A listener
 * that throws is logged and never affects the deployment or the other listeners.
 */
@FunctionalInterface
public interface DeploymentListener {

  void deployed(DeployedResource resource);
}
