package io.checkup.engine;

import io.checkup.lint.xml.XmlReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.BpmnParseException;
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
   * Each deployment being parsed: the key of each executable process to the resource that declares
   * it (keys are unique among a deployment's executable processes). Made at the deployment's first
   * resource, let go with the deployment.
   */
  private final Map<DeploymentEntity, Map<String, String>> resourcesByKey =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The name of the resource being parsed. The engine sets it on the definitions only after the
   * parse, so a listener finds it in the deployment: the BPMN resource that declares an executable
   * process with the definition's key, read as XML (a key in a comment, a script or a process that
   * is not executable does not count). {@code ?} where none does.
   */
  String resourceName(DeploymentEntity deployment, ProcessDefinitionEntity definition) {
    if (definition.getResourceName() != null) {
      return definition.getResourceName();
    }
    return resourcesByKey
        .computeIfAbsent(deployment, LintParseListener::executableProcesses)
        .getOrDefault(definition.getKey(), "?");
  }

  private static Map<String, String> executableProcesses(DeploymentEntity deployment) {
    Map<String, String> byKey = new HashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (LintResults.isBpmn(resource.getName()) && resource.getBytes() != null) {
        for (String key : XmlReader.executableProcessIds(resource.getBytes())) {
          byKey.putIfAbsent(key, resource.getName());
        }
      }
    }
    return byKey;
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
