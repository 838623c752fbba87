package io.checkup.engine;

import io.checkup.lint.Finding;
import io.checkup.lint.LintOutcome;
import io.checkup.lint.Linter;
import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.GraphBuilder;
import io.checkup.lint.model.NotBpmnException;
import io.checkup.lint.rules.HistoryTimeToLiveRule;
import io.checkup.lint.rules.TaskImplementationRule;
import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReadException;
import io.checkup.lint.xml.XmlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lints a BPMN resource while the engine deploys it: logs each finding once, in strict mode turns
 * error findings into parse problems that refuse the deployment, and once the deployment has
 * committed publishes what it produced to the {@link DeploymentListener}s (the kept findings, the
 * check-up's model profiles). Anything going wrong in here is logged and never blocks a deployment.
 */
final class DeploymentLinter {

  static final Logger LOG = LoggerFactory.getLogger("io.checkup.lint");

  /**
   * How the plugin's own notes in a refusal start (rule findings start with {@code [rule-id] }).
   */
  static final String OWN_PROBLEM = "[camunda-checkup] ";

  /**
   * Where a refusal's problems go: the engine's parse, which collects every problem of the
   * resource.
   */
  interface ProblemSink {
    void addError(String message, Element element);

    /**
     * A warning that travels with a refusal; a sink that can carry only errors leaves them to the
     * log.
     */
    default void addWarning(String message, Element element) {}

    /**
     * Whether the engine's own parse has found an error in the resource: a sink that cannot tell
     * answers false.
     */
    default boolean engineRefuses() {
      return false;
    }

    /**
     * Whether the engine fails on the resource with an exception of its own, not a problem report
     * (an HTTP 500 whose message names neither the element nor the cause): its parse failed so, or
     * the deployment will when it schedules a timer start event it cannot read. The resource is
     * refused whatever the plugin does, so warn mode answers with the problem report as strict mode
     * does. A sink that cannot tell answers false.
     */
    default boolean engineFailed() {
      return false;
    }

    /**
     * Whether the engine's parse of the resource has finished without a problem, so that the rules
     * for what it refuses have nothing true to say. A sink that cannot tell answers false.
     */
    default boolean engineTookIt() {
      return false;
    }
  }

  /**
   * The rules whose findings the engine refuses too ({@link RuleInfo#engineRefuses()}): they make
   * strict mode refuse only beside the engine's own refusal, and a deployed model keeps none of
   * them.
   */
  private static final Set<String> ENGINE_REFUSES = engineRefuses();

  private static Set<String> engineRefuses() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : RuleCatalog.standard().rules()) {
      if (rule.info().engineRefuses()) {
        ids.add(rule.id());
      }
    }
    return Set.copyOf(ids);
  }

  private final Linter linter;
  private final LintMode mode;
  private final int logLimit;
  private final List<DeploymentListener> listeners = new CopyOnWriteArrayList<>();

  /** With the default log limit. */
  DeploymentLinter(Linter linter, LintMode mode) {
    this(linter, mode, 50);
  }

  /**
   * @param logLimit finding lines logged per resource, and problems of each severity put into a
   *     refusal
   */
  DeploymentLinter(Linter linter, LintMode mode, int logLimit) {
    this.linter = linter;
    this.mode = mode;
    this.logLimit = logLimit;
  }

  Linter linter() {
    return linter;
  }

  LintMode mode() {
    return mode;
  }

  /** Adds a listener to what new deployments produce. */
  void subscribe(DeploymentListener listener) {
    listeners.add(listener);
  }

  /**
   * Lints one resource of a new deployment.
   *
   * @param root the {@code definitions} element the engine parsed
   */
  void lintDeployment(
      DeploymentEntity deployment,
      String resourceName,
      Element root,
      List<ProcessDefinitionEntity> processDefinitions,
      ProblemSink sink) {
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
      List<Finding> findings =
          mode == LintMode.OFF
              ? List.of()
              : lintAndReport(
                  deployment, resourceName, graph, definitions, processDefinitions, sink);
      // after the commit, the definitions have their ids
      afterCommit(
          () ->
              publish(
                  new DeployedResource(
                      deploymentId,
                      deploymentName,
                      deployment.getDeploymentTime() == null
                          ? null
                          : deployment.getDeploymentTime().getTime(),
                      resourceName,
                      graph,
                      findings,
                      mode == LintMode.OFF ? null : linter.config(),
                      definitions(processDefinitions))));
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      LOG.warn(
          "camunda-checkup lint failed on resource '{}' of deployment '{}' ({}); the deployment proceeds "
              + "without lint",
          safe(resourceName),
          safe(deploymentName),
          deploymentId,
          e);
    }
  }

  private static List<DeployedResource.Definition> definitions(
      List<ProcessDefinitionEntity> entities) {
    List<DeployedResource.Definition> definitions = new ArrayList<>();
    for (ProcessDefinitionEntity definition : entities) {
      if (definition.getId() != null) {
        definitions.add(
            new DeployedResource.Definition(
                definition.getId(),
                definition.getKey(),
                definition.getVersion(),
                definition.getTenantId()));
      }
    }
    return definitions;
  }

  private void publish(DeployedResource resource) {
    for (DeploymentListener listener : listeners) {
      try {
        listener.deployed(resource);
      } catch (RuntimeException e) {
        LOG.warn(
            "camunda-checkup: handling the committed resource '{}' of deployment {} failed ({}); the "
                + "deployment is not affected",
            safe(resource.resourceName()),
            resource.deploymentId(),
            e.toString());
      }
    }
  }

  private List<Finding> lintAndReport(
      DeploymentEntity deployment,
      String resourceName,
      BpmnGraph graph,
      XmlNode definitions,
      List<ProcessDefinitionEntity> processDefinitions,
      ProblemSink sink) {
    Set<String> withTimeToLive = withTimeToLive(processDefinitions);
    String deploymentId = deployment.getId();
    String deploymentName = deployment.getName();
    LintOutcome outcome =
        sink.engineTookIt() ? linter.lintTakenByEngine(graph) : linter.lint(graph);
    List<Finding> findings =
        withoutTasksTheEngineRuns(
            withoutTimeToLiveGiven(
                Linter.executableOnly(definitions, outcome.findings()), withTimeToLive),
            processDefinitions);
    if (findings.isEmpty() && outcome.failures().isEmpty()) {
      return findings; // nothing to log or report
    }
    long errors = count(findings, Severity.ERROR);
    // warn mode never refuses; where the engine's parse has failed on its own, the resource is
    // refused anyway, and the problem report names what the failure does not
    boolean refused =
        (mode == LintMode.STRICT || sink.engineFailed()) && refuses(findings, sink.engineRefuses());
    String where =
        deployment(deploymentName, deploymentId, deployment.getTenantId())
            + ", resource '"
            + safe(resourceName)
            + "'";
    for (LintOutcome.RuleFailure failure : outcome.failures()) {
      LOG.warn(
          "camunda-checkup lint: rule {} failed on resource '{}' of deployment '{}' ({}); its findings are "
              + "missing, the deployment proceeds",
          failure.ruleId(),
          safe(resourceName),
          safe(deploymentName),
          deploymentId,
          failure.error());
    }
    int logged = Math.min(findings.size(), logLimit);
    // the most severe first, as the refusal and the REST answer list them: a limit cuts info lines
    // before errors
    List<Finding> bySeverity = new ArrayList<>(findings);
    bySeverity.sort(Comparator.comparing(Finding::severity).reversed());
    for (int i = 0; i < logged; i++) {
      log(bySeverity.get(i), where);
    }
    if (findings.size() > logged) {
      LOG.warn(
          "camunda-checkup lint: {}: {} more finding(s) not logged (at most {} per resource, setting "
              + "lintLogLimit); {}",
          where,
          findings.size() - logged,
          logLimit,
          refused
              ? "lint the file with checkup-cli.jar to read them all"
              : "read them all at GET /engine-rest/checkup/lint/deployment/"
                  + deploymentId
                  + " (without the REST API: the plugin's getLintResults().forDeployment)");
    }
    if (!findings.isEmpty()) {
      LOG.info(
          "camunda-checkup lint: {}: {} finding(s): {} error(s), {} warning(s), {} info{}",
          where,
          findings.size(),
          errors,
          count(findings, Severity.WARN),
          count(findings, Severity.INFO),
          !refused
              ? ""
              : mode == LintMode.STRICT
                  ? "; strict mode refuses it"
                  : "; the engine fails on it itself, so they go into its problem report");
    }
    if (!findings.isEmpty() && !refused) {
      // the engine may still refuse the deployment for a reason of its own (another resource, a
      // form without a history time to live): then the lines above name an id nothing has
      onRollback(
          () ->
              LOG.info(
                  "camunda-checkup lint: {}: the transaction of this deployment was rolled back (the"
                      + " engine or the application refused it), so the findings above most likely"
                      + " belong to no deployment",
                  where));
    }
    if (refused) {
      report(graph, definitions, findings, Severity.ERROR, sink::addError);
      // warnings travel with the refusal (Camunda's 400 answer lists them under "warnings"); on a
      // deployment that
      // goes through, Camunda would only log them a second time
      report(graph, definitions, findings, Severity.WARN, sink::addWarning);
    }
    return findings;
  }

  /**
   * Whether strict mode refuses a resource with these findings: on an error finding, but on one
   * that only says what the engine refuses too only where the engine has refused the resource
   * itself. A rule that went further than the engine then never refuses what the engine takes;
   * where both refuse, the rule's message goes into the report beside the engine's.
   */
  static boolean refuses(List<Finding> findings, boolean engineRefuses) {
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR
          && (engineRefuses || !ENGINE_REFUSES.contains(finding.ruleId()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the findings of one severity to the engine's problem report: at most {@code logLimit},
   * then a count.
   */
  private void report(
      BpmnGraph graph,
      XmlNode definitions,
      List<Finding> findings,
      Severity severity,
      BiConsumer<String, Element> problems) {
    int reported = 0;
    int left = 0;
    for (Finding finding : findings) {
      if (finding.severity() != severity) {
        continue;
      }
      if (reported < logLimit) {
        XmlNode node = nodeOf(graph, definitions, finding);
        Object origin = node.origin();
        problems.accept(
            problemMessage(finding) + withoutId(finding, node, definitions),
            origin instanceof Element element ? element : (Element) definitions.origin());
        reported++;
      } else {
        left++;
      }
    }
    if (left > 0) {
      problems.accept(
          OWN_PROBLEM
              + left
              + " more "
              + severity.label()
              + " finding(s) not listed (at most "
              + logLimit
              + ", setting lintLogLimit); lint the file with checkup-cli.jar to read them all",
          (Element) definitions.origin());
    }
  }

  /**
   * Lints a stored model again (cache miss, restart, another node): no logging, no problems
   * reported.
   */
  List<Finding> lintStored(byte[] bpmnXml, Set<String> withTimeToLive) {
    XmlNode definitions;
    try {
      definitions = XmlReader.read(bpmnXml);
    } catch (XmlReadException e) {
      return linter.lint(bpmnXml).findings(); // one parse-error finding says what is wrong
    }
    // the engine deployed the model: the rules for what it refuses have nothing to say of it
    return withoutTimeToLiveGiven(
        Linter.executableOnly(definitions, linter.lintTakenByEngine(definitions).findings()),
        withTimeToLive);
  }

  /**
   * The keys of the definitions that the engine gave a history time to live: of a deployment being
   * made, or of a stored resource ({@link LintResults}).
   */
  static Set<String> withTimeToLive(List<? extends ProcessDefinition> processDefinitions) {
    Set<String> keys = new HashSet<>();
    for (ProcessDefinition definition : processDefinitions) {
      if (definition.getHistoryTimeToLive() != null) {
        keys.add(definition.getKey());
      }
    }
    return keys;
  }

  /**
   * Leaves out what {@code history-time-to-live} says of a process whose definition has a history
   * time to live after all: the engine's default (its {@code historyTimeToLive}, in Spring Boot a
   * generic property) went to every process deployed without one, so its history is cleaned up and
   * the engine took it. A process deployed before the default was set has none and keeps its
   * finding.
   */
  static List<Finding> withoutTimeToLiveGiven(List<Finding> findings, Set<String> withTimeToLive) {
    if (withTimeToLive.isEmpty()) {
      return findings;
    }
    return without(
        findings,
        finding ->
            finding.ruleId().equals(HistoryTimeToLiveRule.ID)
                && withTimeToLive.contains(finding.processId()));
  }

  /** The findings but those {@code dropped} matches; the same list when it matches none. */
  private static List<Finding> without(List<Finding> findings, Predicate<Finding> dropped) {
    List<Finding> kept = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      if (!dropped.test(finding)) {
        kept.add(finding);
      }
    }
    return kept.size() == findings.size() ? findings : kept;
  }

  /**
   * Leaves out what {@code task-implementation} says of a task without implementation that the
   * engine's parse found something to run for after all: a parse listener of another plugin may
   * give a task without Camunda's attributes its behaviour, and the engine then takes the model.
   * Where it did not, the engine refuses the deployment itself.
   */
  static List<Finding> withoutTasksTheEngineRuns(
      List<Finding> findings, List<ProcessDefinitionEntity> processDefinitions) {
    return without(
        findings,
        finding ->
            finding.ruleId().equals(TaskImplementationRule.ID)
                && "implementation".equals(finding.facts().get(TaskImplementationRule.MISSING))
                && runs(processDefinitions, finding.processId(), finding.elementId()));
  }

  private static boolean runs(
      List<ProcessDefinitionEntity> processDefinitions, String processKey, String activityId) {
    for (ProcessDefinitionEntity definition : processDefinitions) {
      if (definition.getKey() != null && definition.getKey().equals(processKey)) {
        ActivityImpl activity = activityId == null ? null : definition.findActivity(activityId);
        return activity != null && activity.getActivityBehavior() != null;
      }
    }
    return false;
  }

  /**
   * A deployment as the log names it. A refused deployment is never stored, but its id still ties
   * together the lines of its resources, the one that refused it and those of the others, and the
   * line saying it was rolled back.
   */
  private static String deployment(String name, String id, String tenantId) {
    String tenant = tenantId == null ? "" : ", tenant '" + safe(tenantId) + "'";
    if (name == null) {
      return (id == null ? "a deployment" : "deployment " + id) + tenant;
    }
    return "deployment '" + safe(name) + "'" + (id == null ? "" : " (" + id + ")") + tenant;
  }

  /**
   * Logs a resource that the plugin refuses in every mode (nested too deep for the engine's
   * parser): the modeler gets the problem report, the operator this line.
   */
  static void logRefusal(DeploymentEntity deployment, String resourceName, String problem) {
    LOG.warn(
        "camunda-checkup: {}, resource '{}' refused: {}",
        deployment == null
            ? "a deployment"
            : deployment(deployment.getName(), deployment.getId(), deployment.getTenantId()),
        safe(resourceName),
        PlainText.oneLine(problem, PlainText.MESSAGE_LENGTH));
  }

  private static void log(Finding finding, String where) {
    if (finding.severity() == Severity.INFO ? !LOG.isInfoEnabled() : !LOG.isWarnEnabled()) {
      return; // the arguments below cost more than the check
    }
    String line =
        "camunda-checkup lint [{}] {}: {} ({}, process '{}', element '{}', line {}, column {})";
    Object[] arguments = {
      finding.severity().label(),
      finding.ruleId(),
      PlainText.oneLine(finding.message(), PlainText.MESSAGE_LENGTH),
      where,
      safe(finding.processId()),
      safe(finding.elementId()),
      finding.line(),
      finding.column()
    };
    if (finding.severity() == Severity.INFO) {
      LOG.info(line, arguments);
    } else {
      LOG.warn(line, arguments);
    }
  }

  /** Whether a problem's text is a finding of this rule ({@link #problemMessage}). */
  static boolean isProblemOf(String message, String ruleId) {
    return message.startsWith("[" + ruleId + "] ");
  }

  /**
   * The text Camunda puts in its problem report (and Camunda Modeler shows): rule and message, the
   * message naming its element's id (added where the message does not name it already).
   */
  static String problemMessage(Finding finding) {
    return "["
        + finding.ruleId()
        + "] "
        + finding.namingElement(PlainText.oneLine(finding.message(), PlainText.MESSAGE_LENGTH));
  }

  /** A name or id from a deployment, fit for one log line. */
  static String safe(String text) {
    return PlainText.oneLine(text, PlainText.NAME_LENGTH);
  }

  /**
   * The element a finding is about, whose line, column and id Camunda puts in its problem report:
   * the element at the finding's position where its id does not lead there (an element or flow
   * without an id, the second of two elements with one id), else the root.
   */
  private static XmlNode nodeOf(BpmnGraph graph, XmlNode definitions, Finding finding) {
    XmlNode node = graph.element(finding.elementId());
    if (finding.line() > 0 && (node == null || !at(node, finding))) {
      XmlNode[] found = new XmlNode[1];
      definitions.walk(
          candidate -> {
            if (found[0] != null) {
              return false;
            }
            if (at(candidate, finding)) {
              found[0] = candidate;
              return false;
            }
            return candidate.line() <= finding.line(); // a later start tag holds nothing earlier
          });
      node = found[0] != null ? found[0] : node;
    }
    return node == null ? definitions : node;
  }

  /**
   * For an element without an id, what it is ({@code " (userTask 'Check' on line 12)"}): the
   * problem report's element id is empty then, and Camunda Modeler shows the message.
   */
  private static String withoutId(Finding finding, XmlNode node, XmlNode definitions) {
    if (finding.elementId() != null || node == definitions) {
      return "";
    }
    String name = node.attr("name");
    return " ("
        + safe(node.localName())
        + (name == null || name.isBlank() ? "" : " '" + safe(name) + "'")
        + " on line "
        + node.line()
        + ")";
  }

  private static boolean at(XmlNode node, Finding finding) {
    return node.line() == finding.line() && node.column() == finding.column();
  }

  private static long count(List<Finding> findings, Severity severity) {
    long count = 0;
    for (Finding finding : findings) {
      if (finding.severity() == severity) {
        count++;
      }
    }
    return count;
  }

  private static void afterCommit(Runnable action) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      action.run();
      return;
    }
    commandContext
        .getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, context -> action.run());
  }

  /** Runs {@code action} if the current command rolls back; nothing outside a command. */
  private static void onRollback(Runnable action) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      commandContext
          .getTransactionContext()
          .addTransactionListener(TransactionState.ROLLED_BACK, context -> action.run());
    }
  }
}
