package io.checkup.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's own parse, plus linting once the engine has read the whole resource. Problems added here end up in
 * the same {@code ParseException} as the engine's own, every one of them with line and column.
 */
final class CheckupBpmnParse extends BpmnParse {

  private final DeploymentLinter linter;

  CheckupBpmnParse(BpmnParser parser, DeploymentLinter linter) {
    super(parser);
    this.linter = linter;
  }

  @Override
  protected void parseRootElement() {
    try {
      super.parseRootElement();
    } finally {
      // a definition loaded into the cache again (restart, cluster node, cache miss) is not a new deployment:
      // it was linted when it was deployed, and a problem added now would make a deployed process unloadable
      if (deployment != null && deployment.isNew()) {
        linter.lintDeployment(deployment, name, rootElement, getProcessDefinitions(), this::addError);
      }
    }
  }
}
