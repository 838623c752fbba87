package io.checkup.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
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
    String resource = resourceName(deployment, processDefinitions.get(0));
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

  /**
   * The name of the resource being parsed. The engine sets it on the definitions only after the
   * parse, so a listener finds it in the deployment: the BPMN resource that declares a process with
   * the definition's key (keys are unique within a deployment). {@code ?} where none does, as for a
   * resource in an encoding other than UTF-8.
   */
  static String resourceName(DeploymentEntity deployment, ProcessDefinitionEntity definition) {
    if (definition.getResourceName() != null) {
      return definition.getResourceName();
    }
    Pattern declaring =
        Pattern.compile(
            "<(?:[\\w.-]+:)?process\\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?\\sid\\s*=\\s*[\"']"
                + Pattern.quote(definition.getKey())
                + "[\"']");
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (isBpmn(resource.getName())
          && resource.getBytes() != null
          && declaring.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8)).find()) {
        return resource.getName();
      }
    }
    return "?";
  }

  private static boolean isBpmn(String name) {
    for (String suffix : BpmnDeployer.BPMN_RESOURCE_SUFFIXES) {
      if (name != null && name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
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
