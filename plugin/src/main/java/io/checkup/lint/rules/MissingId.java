package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED_FILE;

import io.checkup.lint.PlainText;
import io.checkup.lint.RuleContext;
import io.checkup.lint.xml.XmlNode;
import java.util.List;
import java.util.Locale;

/**
 * A signal, error or escalation of the file without an id: Camunda 7's parse reads them before any
 * process ({@code BpmnParse.parseSignals}, {@code parseErrors}, {@code parseEscalations}, the same
 * in Operaton and CIB seven) and refuses the file for one, whether an event names it or not.
 */
final class MissingId {

  private MissingId() {}

  /**
   * Reports the element if it has no id, or a blank one (which the schema's validation refuses);
   * whether it did.
   */
  static boolean report(XmlNode global, RuleContext context) {
    if (global.id() != null && !global.id().isBlank()) {
      return false;
    }
    String kind = global.localName();
    String name = global.attr("name");
    context.report(
        global,
        kind.substring(0, 1).toUpperCase(Locale.ROOT)
            + kind.substring(1)
            + (name == null ? " without a name" : " " + PlainText.quoted(name))
            + (global.id() == null ? " has no id: " : " has an empty id: ")
            + REFUSED_FILE
            + " (give the "
            + kind
            + " an id: events refer to it by that)",
        List.of());
    return true;
  }
}
