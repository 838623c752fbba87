package io.checkup.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The public face of a rule, kept on the rule class itself so that id, default severity, summary
 * and docs page cannot drift apart (a test checks that every rule has its {@code
 * docs/rules/<id>.md} naming this summary).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** Stable public id, used in logs, reports, SARIF and configuration. */
  String id();

  Severity severity();

  /** One sentence: what the rule flags. */
  String summary();

  Category category();

  /**
   * True for a rule whose every finding the engine's own parse refuses too: at deploy time strict
   * mode refuses on such a finding only beside the engine's own refusal (so a rule that went
   * further than the engine never refuses what the engine takes), and a model the engine deployed
   * is not said to be refused.
   */
  boolean engineRefuses() default false;

  /** Where a rule comes from; decides its place in the docs. */
  enum Category {
    /** The rules this product exists for. */
    MISSION,
    /** Same id and meaning as bpmnlint's rule. */
    BPMNLINT,
    /** Flow analysis beyond local degrees. */
    FLOW,
    /** Camunda 7 specific. */
    CAMUNDA
  }
}
