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

  /**
   * Parentheses and brackets nested deeper than this are reported without parsing: the parser
   * descends once per level, and where it runs out of stack depends on the thread it runs on (about
   * 600 levels on a 1 MB thread stack, sooner on a smaller one), so the verdict must not.
   */
  static final int MAX_NESTING = 400;

  private ElSyntax() {}

  /**
   * The parser, made on first use: the expression language's classes load only for a model with an
   * expression.
   */
  private static final class Parser {
    static final Builder INSTANCE =
        new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  }

  /**
   * Why the engine's expression parser refuses a text it reads as an expression, or null: where it
   * holds no {@code ${} or {@code #{}, it is taken as written and never refused.
   */
  static String problem(String text) {
    if (text == null || !Bpmn.hasExpression(text)) {
      return null;
    }
    int nesting = Bpmn.nesting(text);
    if (nesting > MAX_NESTING) {
      return "parentheses or brackets nested "
          + nesting
          + " levels deep, more than "
          + MAX_NESTING
          + ": the engine's expression parser descends once per level and runs out of stack, on a 1"
          + " MB thread stack at about 600 levels, sooner on a smaller one";
    }
    try {
      Parser.INSTANCE.build(text);
      return null;
    } catch (TreeBuilderException e) {
      return reason(e);
    } catch (StackOverflowError e) {
      // a long chain of unary operators or conditionals: the engine's own parse ends the same way
      return "nested too deeply for the expression parser";
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /**
   * The parser's own reason ("syntax error at position 10, encountered '}', expected ')'", or a
   * lexical error), without the expression it repeats, the end of the text named as such.
   */
  private static String reason(TreeBuilderException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = "Error parsing '" + e.getExpression() + "': ";
    String reason =
        message.startsWith(prefix)
            ? message.substring(prefix.length())
            : "syntax error at position "
                + e.getPosition()
                + ", encountered "
                + e.getEncountered()
                + ", expected "
                + e.getExpected();
    if (e.getExpression() != null && e.getPosition() >= e.getExpression().length()) {
      reason = reason.replace("encountered 'null'", "encountered the end of the expression");
    }
    return reason;
  }
}
