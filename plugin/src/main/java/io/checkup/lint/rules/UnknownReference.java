package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED;

import io.checkup.lint.PlainText;

/**
 * The message of the reference rules for a reference to a global element the file does not have.
 */
final class UnknownReference {

  private UnknownReference() {}

  /**
   * "Signal end event 'Done' (done) names signal 'go', which the file does not have: the engine
   * refuses to deploy the process (add the signal, or name one the file has)".
   *
   * @param what the element, as the message starts ("Signal end event 'Done' (done)")
   * @param kind the global element's kind: message, signal, escalation
   */
  static String message(String what, String kind, String ref) {
    return what
        + " names "
        + kind
        + " '"
        + PlainText.oneLine(ref, PlainText.NAME_LENGTH)
        + "', which the file does not have: "
        + REFUSED
        + " (add the "
        + kind
        + ", or name one the file has)";
  }
}
