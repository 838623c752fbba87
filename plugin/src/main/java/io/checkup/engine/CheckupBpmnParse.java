package io.checkup.engine;

import io.checkup.lint.PlainText;
import io.checkup.lint.model.Bpmn;
import io.checkup.lint.rules.DefinitionsRule;
import io.checkup.lint.rules.ExpressionSyntaxRule;
import io.checkup.lint.rules.FormFieldRule;
import io.checkup.lint.rules.TimerExpressionRule;
import io.checkup.lint.xml.XmlReader;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.xml.sax.SAXParseException;

/**
 * The engine's own parse, plus linting once the engine has read the whole resource. Problems added
 * here end up in the same {@code ParseException} as the engine's own, every one of them with line
 * and column.
 */
final class CheckupBpmnParse extends BpmnParse {

  private final DeploymentLinter linter;

  /**
   * Why a parse that ran out of stack is refused: Camunda's expression parser descends once per
   * parenthesis or operator, so a long enough expression ends its parse in a StackOverflowError.
   */
  static final String OUT_OF_STACK =
      "the engine's parse ran out of stack: something in the model is nested too deeply for it,"
          + " most likely an expression (Camunda's expression parser descends once per parenthesis"
          + " or operator)";

  /** The event whose timer this parse refused in every mode, or null. */
  private Element refusedTimerEvent;

  CheckupBpmnParse(BpmnParser parser, DeploymentLinter linter) {
    super(parser);
    this.linter = linter;
  }

  /** A deployment's resource: read by the engine through a guard against absurd nesting. */
  @Override
  public BpmnParse sourceInputStream(InputStream inputStream) {
    return super.sourceInputStream(new XmlDepthGuard(inputStream, XmlReader.MAX_ELEMENT_DEPTH));
  }

  /**
   * As the engine's parse, with a document the guard stopped refused as a parse problem (a 400),
   * not a crash; while lint is on, a new resource that is not well-formed XML too: the engine has
   * the parser's error at its line and column in its problem report, and answers an HTTP 500 whose
   * message has no line instead.
   */
  @Override
  public BpmnParse execute() {
    try {
      return super.execute();
    } catch (ProcessEngineException e) {
      XmlDepthGuard.TooDeepException tooDeep =
          EngineFailure.cause(e, XmlDepthGuard.TooDeepException.class);
      SAXParseException unreadable = EngineFailure.cause(e, SAXParseException.class);
      if (tooDeep != null) {
        DeploymentLinter.logRefusal(deployment, name, tooDeep.getMessage());
        addError(
            new SAXParseException(
                DeploymentLinter.OWN_PROBLEM + tooDeep.getMessage(),
                null,
                null,
                tooDeep.line,
                tooDeep.column));
      } else if (unreadable != null
          && hasErrors()
          && linter.mode() != LintMode.OFF
          && deployment != null
          && deployment.isNew()) {
        // the engine's own handler has collected the parser's error with its line, then throws it
        // away for an exception without one: the problem report it would have had
        DeploymentLinter.logRefusal(deployment, name, NOT_XML + unreadable.getMessage());
        causeFirst(unreadable);
      } else {
        throw e;
      }
      throwExceptionForErrors();
      throw e;
    }
  }

  /**
   * Moves the parser's error to the front of the problems: the schema's validation has often
   * complained before it of what follows an element left open (a task inside an end event), which
   * is a consequence of the cause the parser names.
   */
  private void causeFirst(SAXParseException unreadable) {
    if (unreadable.getMessage() == null) {
      return;
    }
    // the parse's problems (BpmnParse's own field of that name holds the model's BPMN errors)
    List<Problem> problems = getProblems();
    for (int i = 1; i < problems.size(); i++) {
      Problem problem = problems.get(i);
      if (problem.getLine() == unreadable.getLineNumber()
          && problem.getMessage() != null
          && problem.getMessage().contains(unreadable.getMessage())) {
        problems.add(0, problems.remove(i));
        return;
      }
    }
  }

  /** What a refusal of a resource the XML parser could not read says first. */
  static final String NOT_XML = "the engine cannot read the resource as XML: ";

  @Override
  protected void parseRootElement() {
    Element tooDeep = tooDeep(rootElement);
    if (tooDeep != null) {
      // refused in every mode: the engine's recursive parser would end in a StackOverflowError (an
      // HTTP 500)
      String message = Bpmn.tooDeep(DeploymentLinter.safe(tooDeep.attribute("id")));
      DeploymentLinter.logRefusal(deployment, name, message);
      addError(DeploymentLinter.OWN_PROBLEM + message, tooDeep);
      return;
    }
    EndlessTimers.Found endless =
        deployment != null && deployment.isNew() ? EndlessTimers.find(rootElement) : null;
    if (endless != null) {
      // refused in every mode: scheduling the timer would hold the deployment or a transaction for
      // many minutes; the engine's parse goes on, so its own problems are reported beside it, and
      // the refusal comes before any timer job is made (a definition loaded again from the
      // database is not refused: it was deployed before, and loading it schedules nothing)
      String message = EndlessTimers.problem(endless);
      DeploymentLinter.logRefusal(deployment, name, message);
      addError(DeploymentLinter.OWN_PROBLEM + message, endless.timer());
      refusedTimerEvent = endless.event();
    }
    Throwable failed = null;
    try {
      super.parseRootElement();
    } catch (RuntimeException | StackOverflowError e) {
      failed = e;
      throw e;
    } finally {
      // a definition loaded into the cache again (restart, cluster node, cache miss) is not a new
      // deployment:
      // it was linted when it was deployed, and a problem added now would make a deployed process
      // unloadable
      if (deployment != null && deployment.isNew()) {
        // the engine's parse failed with an exception of its own (a shell task's expression field,
        // a ClassCastException), not with a problem report
        boolean crashed = failed != null && !(failed instanceof BpmnParseException) && !hasErrors();
        // or the deployment will fail after the parse, scheduling a timer start event
        boolean failsLater = failed == null && UnreadableStartTimers.any(rootElement);
        Problems problems = new Problems(failed != null, crashed, failsLater);
        linter.lintDeployment(deployment, name, rootElement, getProcessDefinitions(), problems);
        // one cause, one problem: where expression-syntax has said it, the failure is not repeated
        String expression = crashed ? EngineFailure.expression(failed) : null;
        if (failed instanceof StackOverflowError) {
          // refused in every mode, as nesting too deep: otherwise an HTTP 500 without a message
          DeploymentLinter.logRefusal(deployment, name, OUT_OF_STACK);
          if (problems.expressions.isEmpty()) {
            addError(
                DeploymentLinter.OWN_PROBLEM + OUT_OF_STACK, EngineFailure.deepest(rootElement));
          }
        } else if (crashed
            && linter.mode() != LintMode.OFF
            && !problems.quotes(expression)
            && !problems.saysDatePattern(failed)) {
          // the engine throws its problem report instead, an answer Camunda Modeler shows: the
          // findings, and the failure at the element whose expression it could not parse
          // (a function the engine could not bind: the failure names it, the value holding it)
          EngineFailure.Place place = EngineFailure.place(rootElement, failed);
          // one cause, one problem: a finding at the element may say it (a collaboration)
          if (!problems.explained.contains(place.element())) {
            String failure =
                place.value() == null || expression != null
                    ? String.valueOf(failed)
                    : failed + ", in '" + place.value().trim() + "'";
            addError(
                DeploymentLinter.OWN_PROBLEM
                    + "the engine's parse failed: "
                    + PlainText.oneLine(failure, PlainText.MESSAGE_LENGTH),
                place.element());
          }
        }
      }
    }
  }

  /**
   * The first sub-process nested deeper than {@link Bpmn#MAX_SUB_PROCESS_DEPTH}, or null: a walk
   * with a stack of its own over processes and sub-processes only.
   */
  static Element tooDeep(Element definitions) {
    if (definitions == null) {
      return null;
    }
    ArrayDeque<Element> scopes = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    for (Element process : definitions.elements("process")) {
      scopes.push(process);
      depths.push(0);
    }
    while (!scopes.isEmpty()) {
      Element scope = scopes.pop();
      int depth = depths.pop();
      for (Element child : scope.elements()) {
        if (Bpmn.SUB_PROCESSES.contains(child.getTagName())) {
          if (depth + 1 > Bpmn.MAX_SUB_PROCESS_DEPTH) {
            return child;
          }
          scopes.push(child);
          depths.push(depth + 1);
        }
      }
    }
    return null;
  }

  /**
   * Strict mode's findings (and warn mode's, where the engine's parse has failed on its own) as the
   * engine's own parse problems; the engine refuses a resource whose parse found an error or
   * failed.
   */
  private final class Problems implements DeploymentLinter.ProblemSink {

    private final boolean parseFailed;
    private final boolean crashed;

    /** Whether the deployment will fail on a timer start event it cannot read, after the parse. */
    private final boolean failsLater;

    /** The expression-syntax problems added. */
    private final List<String> expressions = new ArrayList<>();

    /**
     * The elements of {@code definitions} problems: the second collaboration, where the engine's
     * parse fails saying less.
     */
    private final Set<Element> explained = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The form-field problems added. */
    private final List<String> formFields = new ArrayList<>();

    /**
     * Whether a form-field problem says why Java refused a date pattern, the failure's cause: one
     * cause, one problem.
     */
    boolean saysDatePattern(Throwable failed) {
      IllegalArgumentException refused =
          EngineFailure.cause(failed, IllegalArgumentException.class);
      String why = refused == null ? null : refused.getMessage();
      if (why == null || why.isBlank()) {
        return false;
      }
      for (String message : formFields) {
        if (message.contains("date pattern") && message.contains(why)) {
          return true;
        }
      }
      return false;
    }

    /** Whether an expression-syntax problem quotes this expression as its finding does. */
    boolean quotes(String expression) {
      if (expression == null) {
        return false;
      }
      String quoted = PlainText.quoted(expression);
      for (String message : expressions) {
        if (message.contains(quoted)) {
          return true;
        }
      }
      return false;
    }

    Problems(boolean parseFailed, boolean crashed, boolean failsLater) {
      this.parseFailed = parseFailed;
      this.crashed = crashed;
      this.failsLater = failsLater;
    }

    @Override
    public void addError(String message, Element element) {
      if (element != null
          && element == refusedTimerEvent
          && DeploymentLinter.isProblemOf(message, TimerExpressionRule.ID)) {
        return; // one cause, one problem: the refusal above says it
      }
      if (DeploymentLinter.isProblemOf(message, ExpressionSyntaxRule.ID)) {
        expressions.add(message);
      }
      if (DeploymentLinter.isProblemOf(message, DefinitionsRule.ID)) {
        explained.add(element);
      }
      if (DeploymentLinter.isProblemOf(message, FormFieldRule.ID)) {
        formFields.add(message);
      }
      CheckupBpmnParse.this.addError(message, element);
    }

    @Override
    public void addWarning(String message, Element element) {
      CheckupBpmnParse.this.addWarning(message, element);
    }

    @Override
    public boolean engineRefuses() {
      return parseFailed || hasErrors();
    }

    @Override
    public boolean engineFailed() {
      return crashed || failsLater;
    }

    @Override
    public boolean engineTookIt() {
      return !engineRefuses();
    }
  }
}
