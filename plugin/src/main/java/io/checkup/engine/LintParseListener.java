package io.checkup.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Fallback for engines where another plugin already installed its own {@code BpmnParseFactory}:
 * linting runs from a parse listener instead. It cannot add several problems to the engine's
 * report, so strict mode refuses with one problem that lists every error.
 */
final class LintParseListener extends AbstractBpmnParseListener {

  private final DeploymentLinter linter;

  LintParseListener(DeploymentLinter linter) {
    this.linter = linter;
  }

  @Override
  public void parseRootElement(
      Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    DeploymentEntity deployment = currentDeployment(processDefinitions);
    if (deployment == null || !deployment.isNew()) {
      return;
    }
    String resource =
        processDefinitions.isEmpty() ? "?" : processDefinitions.get(0).getResourceName();
    List<String> errors = new ArrayList<>();
    Element[] first = new Element[1];
    // one exception carries one problem: errors only, the warnings are in the log
    linter.lintDeployment(
        deployment,
        resource,
        rootElement,
        processDefinitions,
        (message, element) -> {
          errors.add(message);
          if (first[0] == null) {
            first[0] = element;
          }
        });
    if (!errors.isEmpty()) {
      throw new BpmnParseException(String.join("\n* ", errors), first[0]);
    }
  }

  private static DeploymentEntity currentDeployment(List<ProcessDefinitionEntity> definitions) {
    if (definitions.isEmpty() || Context.getCommandContext() == null) {
      return null;
    }
    return Context.getCommandContext()
        .getDeploymentManager()
        .findDeploymentById(definitions.get(0).getDeploymentId());
  }
}
