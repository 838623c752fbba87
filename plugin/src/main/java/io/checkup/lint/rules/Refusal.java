package io.checkup.lint.rules;

/**
 * How the findings of the rules for what the engine refuses ({@code engineRefuses}) say so: one
 * wording for all of them, as Camunda Modeler's problem report lists them side by side.
 */
final class Refusal {

  /** "the engine refuses to deploy the process". */
  static final String REFUSED = "the engine refuses to deploy the process";

  /**
   * "the engine refuses to deploy the file": for what the engine reads before any process (the
   * file's signals, errors, escalations, imports and collaboration), which fails all of them.
   */
  static final String REFUSED_FILE = "the engine refuses to deploy the file";

  private Refusal() {}
}
