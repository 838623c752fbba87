package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.LocatorImpl;

/** Where an engine parse failure of its own is placed in the problem report. */
class EngineFailureTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static Element element(Element parent, String name, int line, String... attributes) {
    AttributesImpl given = new AttributesImpl();
    for (int i = 0; i < attributes.length; i += 2) {
      String[] qualified = attributes[i].split(":");
      boolean camunda = qualified.length == 2;
      String local = camunda ? qualified[1] : qualified[0];
      given.addAttribute(camunda ? CAMUNDA : "", local, attributes[i], "CDATA", attributes[i + 1]);
    }
    LocatorImpl locator = new LocatorImpl();
    locator.setLineNumber(line);
    locator.setColumnNumber(1);
    Element element = new Element(BPMN, name, name, given, locator);
    if (parent != null) {
      parent.add(element);
    }
    return element;
  }

  private static ProcessEngineException parseFailure(String expression) {
    return new ProcessEngineException(
        "ENGINE-01009 Error while parsing process.",
        new TreeBuilderException(expression, 3, "'null'", "'}'", "Error parsing '" + expression));
  }

  @Test
  void theFailureIsPlacedAtTheFirstElementHoldingTheExpressionOrTheClosestOneWithAnId() {
    Element definitions = element(null, "definitions", 1, "id", "d");
    Element process = element(definitions, "process", 2, "id", "p");
    element(process, "userTask", 3, "id", "other", "camunda:assignee", "${fine}");
    // the engine quotes one entry of a list: the element holding the list is the one
    Element listed =
        element(process, "userTask", 4, "id", "listed", "camunda:candidateGroups", "hr, ${a.b(");
    element(process, "userTask", 5, "id", "later", "camunda:candidateGroups", "${a.b(");
    Element flow = element(process, "sequenceFlow", 6, "id", "f1");
    Element condition = element(flow, "conditionExpression", 7);
    condition.appendText(" ${amount >} ");

    assertThat(EngineFailure.at(definitions, parseFailure("${a.b("))).isSameAs(listed);
    // a condition has no id: its sequence flow has
    assertThat(EngineFailure.at(definitions, parseFailure("${amount >}"))).isSameAs(flow);
    // quoted nowhere, or no expression's failure at all: the root
    assertThat(EngineFailure.at(definitions, parseFailure("${elsewhere"))).isSameAs(definitions);
    assertThat(EngineFailure.at(definitions, new ClassCastException("FixedValue")))
        .isSameAs(definitions);
  }

  /**
   * An expression that parses but calls a function the engine cannot bind: the engine names the
   * function only, and the failure goes at the first expression calling it.
   */
  @Test
  void aFunctionTheEngineCannotBindIsPlacedAtTheFirstExpressionCallingIt() {
    Element definitions = element(null, "definitions", 1, "id", "d");
    Element process = element(definitions, "process", 2, "id", "p");
    // a method of that name, a longer name, a name in plain text: no call of the function
    element(process, "serviceTask", 3, "id", "method", "camunda:expression", "${svc.lookup(1)}");
    element(process, "serviceTask", 4, "id", "longer", "camunda:expression", "${mylookup(1)}");
    element(process, "serviceTask", 5, "id", "plain", "name", "lookup(1)");
    Element calling =
        element(
            process, "serviceTask", 6, "id", "calling", "camunda:expression", "${a(lookup (1))}");
    element(process, "serviceTask", 7, "id", "later", "camunda:expression", "${lookup(2)}");
    Element prefixed =
        element(process, "serviceTask", 8, "id", "prefixed", "camunda:expression", "${fn:up(x)}");

    EngineFailure.Place place =
        EngineFailure.place(definitions, bindFailure("Could not resolve function 'lookup'"));
    assertThat(place.element()).isSameAs(calling);
    assertThat(place.value()).isEqualTo("${a(lookup (1))}");
    assertThat(
            EngineFailure.at(
                definitions, bindFailure("Parameters for function 'fn:up' do not match")))
        .isSameAs(prefixed);
    // a function no expression calls, another failure of the expression language: the root
    assertThat(EngineFailure.place(definitions, bindFailure("Could not resolve function 'none'")))
        .isEqualTo(new EngineFailure.Place(definitions, null));
    assertThat(EngineFailure.at(definitions, bindFailure("Cannot access function 'lookup'")))
        .isSameAs(definitions);
  }

  /**
   * A class the engine could not load names no element either: the attribute naming it, or for the
   * engine's own mail behaviour (Apache Commons Email missing) the first mail task.
   */
  @Test
  void aClassTheEngineCannotLoadIsPlacedAtTheAttributeNamingIt() {
    Element definitions = element(null, "definitions", 1, "id", "d");
    Element process = element(definitions, "process", 2, "id", "p");
    element(process, "userTask", 3, "id", "named", "name", "com.acme.TaskForm");
    Element form =
        element(
            process, "userTask", 4, "id", "form", "camunda:formHandlerClass", "com.acme.TaskForm");
    element(process, "serviceTask", 5, "id", "external", "camunda:type", "external");
    Element mail = element(process, "sendTask", 6, "id", "mail", "camunda:type", "Mail");

    assertThat(
            EngineFailure.at(
                definitions,
                bindFailure(
                    "ENGINE-09008 Exception while instantiating class 'com.acme.TaskForm': "
                        + "ENGINE-09017 Cannot load class 'com.acme.TaskForm': com.acme.TaskForm")))
        .isSameAs(form);
    assertThat(
            EngineFailure.at(
                definitions,
                bindFailure(
                    "ENGINE-09017 Cannot load class"
                        + " 'org.camunda.bpm.engine.impl.bpmn.behavior.MailActivityBehavior':"
                        + " org/apache/commons/mail/EmailException")))
        .isSameAs(mail);
    assertThat(EngineFailure.at(definitions, bindFailure("Cannot load class 'com.acme.Other'")))
        .isSameAs(definitions);
  }

  /** Several elements where the engine reads one: the second of the first such pair. */
  @Test
  void severalElementsWhereTheEngineReadsOneArePlacedAtTheSecond() {
    Element definitions = element(null, "definitions", 1, "id", "d");
    element(definitions, "collaboration", 2, "id", "c1");
    Element process = element(definitions, "process", 3, "id", "p");
    element(process, "task", 4, "id", "t");
    Element second = element(definitions, "collaboration", 5, "id", "c2");
    Element flow = element(process, "sequenceFlow", 6, "id", "f");
    element(flow, "conditionExpression", 7);
    element(flow, "conditionExpression", 8);

    assertThat(
            EngineFailure.at(
                definitions,
                bindFailure(
                    "Parsing exception: multiple elements with tag name collaboration found")))
        .isSameAs(second);
    // a second element without an id: its closest ancestor with one
    assertThat(
            EngineFailure.at(
                definitions,
                bindFailure(
                    "Parsing exception: multiple elements with tag name conditionExpression found")))
        .isSameAs(flow);
  }

  private static ProcessEngineException bindFailure(String message) {
    return new ProcessEngineException(
        "ENGINE-01009 Error while parsing process. " + message, new RuntimeException(message));
  }

  @Test
  void aParseOutOfStackIsPlacedAtTheExpressionNestedDeepest() {
    Element definitions = element(null, "definitions", 1, "id", "d");
    Element process = element(definitions, "process", 2, "id", "p");
    element(process, "serviceTask", 3, "id", "shallow", "camunda:expression", "${a((b))}");
    Element deep =
        element(
            process,
            "serviceTask",
            4,
            "id",
            "deep",
            "camunda:expression",
            "${" + "(".repeat(900) + "a" + ")".repeat(900) + "}");
    // parentheses in a name are no expression's
    element(process, "task", 5, "id", "named", "name", "((((((((((((((((((((((((((((((");

    assertThat(EngineFailure.deepest(definitions)).isSameAs(deep);
  }
}
