package io.checkup.report;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.model.ElementKinds;
import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.Scope;
import io.checkup.lint.model.SequenceFlow;
import io.checkup.lint.rules.CascadedConditionsRule;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out a {@link ModelProfile} from a model's graph. Cascades and fake branches come from the
 * linter's own rules, run at their defaults whatever the installation's lint configuration says, so
 * the check-up measures every tenant the same way; {@code checkup:disable} on an element is
 * respected.
 */
public final class ModelProfiler {

  private static final Linter CHECKUP_RULES = checkupRules();

  private ModelProfiler() {}

  private static Linter checkupRules() {
    RuleCatalog catalog = RuleCatalog.standard();
    LintConfig.Builder builder = LintConfig.builder(catalog);
    for (Rule rule : catalog.rules()) {
      boolean used = rule.id().equals("cascaded-conditions") || rule.id().equals("fake-branch");
      builder.severity(rule.id(), used ? Severity.WARN : Severity.OFF);
    }
    return new Linter(builder.build());
  }

  /**
   * Rules whose findings another indicator counts already (elements.fake, gateways.cascades: an
   * installation that raises either to error does not count it twice), and the linter's own
   * troubles.
   */
  private static final Set<String> COUNTED_ELSEWHERE =
      Set.of("fake-branch", "cascaded-conditions", Finding.PARSE_ERROR, Finding.INTERNAL_ERROR);

  /**
   * Profiles of every process of the graph, by process id (the definition key).
   *
   * @param findings the lint findings of the graph, with the installation's configuration (its
   *     errors are the models' errors)
   * @param linted the configuration they were found with: when it ran the cascade and fake-branch
   *     rules at their default options, their findings are taken as they are; otherwise those two
   *     rules run here, once, at their defaults, so every tenant is measured the same way
   */
  public static Map<String, ModelProfile> profiles(
      BpmnGraph graph, List<Finding> findings, LintConfig linted) {
    List<Finding> checkup = ranAtDefaults(linted) ? findings : CHECKUP_RULES.lint(graph).findings();
    Map<String, ModelProfile> profiles = new LinkedHashMap<>();
    for (Scope process : graph.processes()) {
      if (process.id() != null) {
        profiles.put(process.id(), profile(process, checkup, errors(process.id(), findings)));
      }
    }
    return profiles;
  }

  /** A process's findings of severity error that no other indicator counts. */
  private static List<ModelProfile.Problem> errors(String processId, List<Finding> findings) {
    List<ModelProfile.Problem> errors = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR
          && processId.equals(finding.processId())
          && !COUNTED_ELSEWHERE.contains(finding.ruleId())) {
        errors.add(
            new ModelProfile.Problem(finding.ruleId(), finding.elementId(), finding.message()));
      }
    }
    return errors;
  }

  private static boolean ranAtDefaults(LintConfig config) {
    if (config == null) {
      return false;
    }
    for (String rule : List.of("cascaded-conditions", "fake-branch")) {
      if (config.severity(rule) == Severity.OFF || !config.options(rule).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static ModelProfile profile(
      Scope process, List<Finding> checkupFindings, List<ModelProfile.Problem> errors) {
    int flowNodes = 0;
    TreeSet<String> kinds = new TreeSet<>();
    int conditions = 0;
    int multiBranch = 0;
    int notifications = 0;
    int workDistribution = 0;
    int experiments = 0;
    int slaTimers = 0;
    List<ModelProfile.Gateway> gateways = new ArrayList<>();
    for (Scope scope : process.selfAndDescendants()) {
      for (FlowNode node : scope.flowNodes()) {
        flowNodes++;
        ElementKinds.addTo(node, kinds);
        // the vendor's "Condition" splits in two; its "Multi-condition" into any number of branches
        if (node.isExclusiveGateway() && node.outgoing().size() == 2) {
          conditions++;
        } else if (node.isExclusiveGateway() && node.outgoing().size() >= 3) {
          multiBranch++;
        }
        if ((node.isExclusiveGateway() || node.isInclusiveGateway() || node.isEventBasedGateway())
            && node.outgoing().size() >= 2) {
          List<String> flows = new ArrayList<>();
          for (SequenceFlow flow : node.outgoing()) {
            flows.add(flow.id());
          }
          gateways.add(new ModelProfile.Gateway(node.id(), node.type(), flows));
        }
        if (isNotification(node)) {
          notifications++;
        }
        if (node.type().equals("userTask")
            && (notBlank(node.camundaAttr("candidateGroups"))
                || notBlank(node.camundaAttr("candidateUsers"))
                || node.xml().child(Bpmn.MODEL_NS, "potentialOwner") != null)) {
          workDistribution++;
        }
        if (isExperiment(node)) {
          experiments++;
        }
        if (node.isBoundaryEvent()
            && node.hasEventDefinition("timer")
            && node.attachedTo() != null
            && node.attachedTo().type().equals("userTask")) {
          slaTimers++;
        }
      }
    }
    List<ModelProfile.Cascade> cascades = new ArrayList<>();
    List<ModelProfile.ElementIssue> fakes = new ArrayList<>();
    for (Finding finding : checkupFindings) {
      if (!process.id().equals(finding.processId())) {
        continue;
      }
      if (finding.ruleId().equals("cascaded-conditions")) {
        cascades.add(
            new ModelProfile.Cascade(
                finding.elementId(),
                finding.relatedElementIds(),
                finding.intFact(CascadedConditionsRule.OUTCOMES)));
      } else if (finding.ruleId().equals("fake-branch")) {
        fakes.add(new ModelProfile.ElementIssue(finding.elementId(), finding.message()));
      }
    }
    return new ModelProfile(
        flowNodes,
        kinds,
        conditions,
        multiBranch,
        cascades,
        fakes,
        notifications,
        workDistribution,
        experiments,
        slaTimers,
        gateways,
        errors);
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Send tasks, message and signal throw events (intermediate or end), mail and HTTP connectors.
   */
  static boolean isNotification(FlowNode node) {
    if (node.type().equals("sendTask")) {
      return true;
    }
    if ((node.isIntermediateThrowEvent() || node.isEndEvent())
        && (node.hasEventDefinition("message") || node.hasEventDefinition("signal"))) {
      return true;
    }
    for (XmlNode connector : node.camundaExtensions("connector")) {
      for (XmlNode child : connector.children()) {
        if (child.localName().equals("connectorId")) {
          String id = child.text().toLowerCase(Locale.ROOT);
          if (id.contains("mail") || id.contains("http")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * A split experiment: a gateway whose outgoing conditions draw lots (an expression with {@code
   * random} or {@code percent} in it), or any element with the Camunda property {@code
   * checkup:experiment}.
   */
  static boolean isExperiment(FlowNode node) {
    if (node.properties().containsKey("checkup:experiment")) {
      return true;
    }
    if (!node.isGateway() || node.outgoing().size() < 2) {
      return false;
    }
    for (SequenceFlow flow : node.outgoing()) {
      if (flow.hasCondition()) {
        String condition = flow.conditionExpression().text().toLowerCase(Locale.ROOT);
        if (condition.contains("random") || condition.contains("percent")) {
          return true;
        }
      }
    }
    return false;
  }
}
