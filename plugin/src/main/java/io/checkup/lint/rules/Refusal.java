package io.checkup.lint.rules;

/**
 * How the findings of the rules for what the engine refuses ({@code engineRefuses}) say so: one
 * wording for all of them, as Camunda Modeler's problem report lists them side by side.
 */
final class Refusal {

  /** "the engine refuses to deploy the process". */
  static final String REFUSED = "the engine refuses to deploy the process";

  private Refusal() {}
}
