package io.checkup.lint.rules;

import io.checkup.lint.model.Bpmn;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The syntax of Camunda's expression language, read by the engine's own parser (JUEL, as the engine
 * configures it: method invocations and varargs on). Only the syntax: which functions and beans
 * exist is the running engine's business.
 */
final class ElSyntax {

  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private ElSyntax() {}

  /**
   * Why the engine's expression parser refuses a text it reads as an expression, or null: where it
   * holds no {@code ${} or {@code #{}, it is taken as written and never refused.
   */
  static String problem(String text) {
    if (text == null || !Bpmn.hasExpression(text)) {
      return null;
    }
    try {
      PARSER.build(text);
      return null;
    } catch (TreeBuilderException e) {
      return "syntax error at position "
          + e.getPosition()
          + ", encountered "
          + e.getEncountered()
          + ", expected "
          + e.getExpected();
    } catch (StackOverflowError e) {
      // the parser descends once per parenthesis: the engine's own parse would end the same way
      return "nested too deeply for the expression parser";
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
