package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.LintOutcome;
import io.checkup.lint.Linter;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.model.NotBpmnException;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReadException;
import io.checkup.lint.xml.XmlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import io.checkup.report.DeployedModel;
import io.checkup.report.ModelProfile;
import io.checkup.report.ModelProfiler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lints a BPMN resource while the engine deploys it: logs each finding once, keeps the findings once the deployment
 * has committed and, in strict mode, turns error findings into parse problems that refuse the deployment. Anything
 * going wrong in here is logged and never blocks a deployment.
 */
final class DeploymentLinter {

  static final Logger LOG = LoggerFactory.getLogger("io.checkup.lint");

  /** Where strict mode reports a problem: the engine's parse, which collects every problem of the resource. */
  interface ProblemSink {
    void addError(String message, Element element);
  }

  private final Linter linter;
  private final LintMode mode;
  private final LintResults results;

  DeploymentLinter(Linter linter, LintMode mode) {
    this.linter = linter;
    this.mode = mode;
    this.results = new LintResults(this);
  }

  Linter linter() {
    return linter;
  }

  LintMode mode() {
    return mode;
  }

  LintResults results() {
    return results;
  }

  /**
   * Lints one resource of a new deployment.
   *
   * @param root the {@code definitions} element the engine parsed
   */
  void lintDeployment(DeploymentEntity deployment, String resourceName, Element root,
      List<ProcessDefinitionEntity> processDefinitions, ProblemSink sink) {
    String deploymentId = deployment.getId();
    String deploymentName = deployment.getName();
    if (root == null) {
      return;
    }
    try {
      XmlNode definitions = ElementConverter.convert(root);
      BpmnGraph graph;
      try {
        graph = GraphBuilder.build(definitions);
      } catch (NotBpmnException e) {
        return; // the engine reports what is wrong with the file itself
      }
      List<Finding> findings = mode == LintMode.OFF ? List.of()
          : lintAndReport(deploymentId, deploymentName, resourceName, graph, definitions, sink);
      if (modelSink != null) {
        recordModels(deployment, graph, findings, processDefinitions);
      }
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      LOG.warn("camunda-checkup lint failed on resource '{}' of deployment '{}' ({}); the deployment proceeds "
          + "without lint", resourceName, deploymentName, deploymentId, e);
    }
  }

  /** Hands the models' profiles to the check-up once the deployment has committed (definition ids exist then). */
  private void recordModels(DeploymentEntity deployment, BpmnGraph graph, List<Finding> findings,
      List<ProcessDefinitionEntity> processDefinitions) {
    java.util.Map<String, ModelProfile> profiles = ModelProfiler.profiles(graph, findings,
        mode == LintMode.OFF ? null : linter.config());
    afterCommit(() -> {
      List<DeployedModel> deployed = new ArrayList<>();
      for (ProcessDefinitionEntity definition : processDefinitions) {
        ModelProfile profile = profiles.get(definition.getKey());
        if (profile != null && definition.getId() != null) {
          deployed.add(new DeployedModel(definition.getId(), definition.getTenantId(), definition.getKey(),
              definition.getVersion(), deployment.getId(),
              deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().getTime(), profile));
        }
      }
      modelSink.deployed(deployed);
    });
  }

  /** Where the profiles of newly deployed models go. */
  interface ModelSink {
    void deployed(List<DeployedModel> models);
  }

  private ModelSink modelSink;

  void modelSink(ModelSink sink) {
    this.modelSink = sink;
  }

  private List<Finding> lintAndReport(String deploymentId, String deploymentName, String resourceName,
      BpmnGraph graph, XmlNode definitions, ProblemSink sink) {
    {
      LintOutcome outcome = linter.lint(graph);
      for (LintOutcome.RuleFailure failure : outcome.failures()) {
        LOG.warn("camunda-checkup lint: rule {} failed on resource '{}' of deployment '{}' ({}); its findings are "
            + "missing, the deployment proceeds", failure.ruleId(), resourceName, deploymentName, deploymentId,
            failure.error());
      }
      List<Finding> findings = deployedOnly(definitions, outcome.findings());
      String where = (deploymentName == null ? "deployment " + deploymentId
          : "deployment '" + deploymentName + "' (" + deploymentId + ")") + ", resource '" + resourceName + "'";
      for (Finding finding : findings) {
        log(finding, where);
      }
      if (!findings.isEmpty()) {
        LOG.info("camunda-checkup lint: {}: {} finding(s): {} error, {} warn, {} info{}", where, findings.size(),
            count(findings, Severity.ERROR), count(findings, Severity.WARN), count(findings, Severity.INFO),
            mode == LintMode.STRICT && count(findings, Severity.ERROR) > 0 ? "; strict mode refuses it" : "");
      }
      if (mode == LintMode.STRICT) {
        for (Finding finding : findings) {
          if (finding.severity() == Severity.ERROR) {
            sink.addError(problemMessage(finding), originOf(graph, definitions, finding));
          }
        }
      }
      ResourceFindings resource = new ResourceFindings(deploymentId, resourceName, findings);
      afterCommit(() -> results.record(resource));
      return findings;
    }
  }

  /** Lints a stored model again (cache miss, restart, another node): no logging, no problems reported. */
  List<Finding> lintStored(byte[] bpmnXml) {
    XmlNode definitions;
    try {
      definitions = XmlReader.read(bpmnXml);
    } catch (XmlReadException e) {
      return linter.lint(bpmnXml).findings(); // one parse-error finding says what is wrong
    }
    return deployedOnly(definitions, linter.lint(definitions).findings());
  }

  /** The engine deploys only executable processes: drop findings inside the others. */
  private static List<Finding> deployedOnly(XmlNode definitions, List<Finding> findings) {
    Set<String> notDeployed = new HashSet<>();
    for (XmlNode process : definitions.children(Bpmn.MODEL_NS, "process")) {
      if (!"true".equals(process.attr("isExecutable")) && process.id() != null) {
        notDeployed.add(process.id());
      }
    }
    if (notDeployed.isEmpty()) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (finding.processId() == null || !notDeployed.contains(finding.processId())) {
        kept.add(finding);
      }
    }
    return kept;
  }

  private static void log(Finding finding, String where) {
    String line = "camunda-checkup lint [{}] {}: {} ({}, process '{}', element '{}', line {}, column {})";
    Object[] arguments = {finding.severity().label(), finding.ruleId(), finding.message(), where,
        finding.processId(), finding.elementId(), finding.line(), finding.column()};
    if (finding.severity() == Severity.INFO) {
      LOG.info(line, arguments);
    } else {
      LOG.warn(line, arguments);
    }
  }

  /** The text Camunda puts in its problem report (and Camunda Modeler shows): rule, element and message. */
  static String problemMessage(Finding finding) {
    return "[" + finding.ruleId() + "] " + finding.message()
        + (finding.elementId() == null ? "" : " (element " + finding.elementId() + ")");
  }

  private static Element originOf(BpmnGraph graph, XmlNode definitions, Finding finding) {
    XmlNode node = graph.element(finding.elementId());
    Object origin = (node == null ? definitions : node).origin();
    return origin instanceof Element element ? element : (Element) definitions.origin();
  }

  private static long count(List<Finding> findings, Severity severity) {
    return findings.stream().filter(finding -> finding.severity() == severity).count();
  }

  private static void afterCommit(Runnable action) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      action.run();
      return;
    }
    commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> action.run());
  }
}
