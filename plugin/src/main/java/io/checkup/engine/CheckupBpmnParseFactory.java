package io.checkup.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;

/** Makes the engine create {@link CheckupBpmnParse} instead of its plain {@code BpmnParse}. */
final class CheckupBpmnParseFactory implements BpmnParseFactory {

  private final DeploymentLinter linter;

  CheckupBpmnParseFactory(DeploymentLinter linter) {
    this.linter = linter;
  }

  @Override
  public BpmnParse createBpmnParse(BpmnParser bpmnParser) {
    return new CheckupBpmnParse(bpmnParser, linter);
  }
}
