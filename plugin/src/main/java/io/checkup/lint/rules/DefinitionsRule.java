package io.checkup.lint.rules;

import static io.checkup.lint.rules.Refusal.REFUSED_FILE;

import io.checkup.lint.PlainText;
import io.checkup.lint.Rule;
import io.checkup.lint.RuleContext;
import io.checkup.lint.RuleInfo;
import io.checkup.lint.Severity;
import io.checkup.lint.model.BpmnElement;
import io.checkup.lint.model.BpmnGraph;
import io.checkup.lint.xml.XmlNode;
import java.util.List;

/**
 * What Camunda 7's parse refuses at the top of a file, before any process (its {@code
 * BpmnParse.parseImports} and {@code parseCollaboration}, the same in Operaton and CIB seven): an
 * {@code import}, since the engine has no importer for any type ({@code Could not import item of
 * type ...}; one without an {@code importType} its schema validation refuses), and a second
 * collaboration, since it reads one ({@code multiple elements with tag name collaboration found}).
 * Only in a file with an executable process: the engine deploys nothing from another.
 */
@RuleInfo(
    id = DefinitionsRule.ID,
    severity = Severity.ERROR,
    category = RuleInfo.Category.CAMUNDA,
    engineRefuses = true,
    summary =
        "An import, or a second collaboration, in a file with an executable process: the engine "
            + "refuses to deploy the file.")
public final class DefinitionsRule implements Rule {

  public static final String ID = "definitions";

  @Override
  public void check(BpmnGraph graph, RuleContext context) {
    if (!graph.hasExecutableProcess()) {
      return;
    }
    for (XmlNode in : graph.rootElements("import")) {
      String type = in.attr("importType");
      String location = in.attr("location");
      context.report(
          in,
          "Import"
              + (location == null ? "" : " of " + PlainText.quoted(location))
              + (type == null ? " without an importType" : " of type " + PlainText.quoted(type))
              + ": Camunda 7 imports nothing, and "
              + REFUSED_FILE
              + " (remove the import: a call activity names the process it calls by its key,"
              + " a business rule task its decision by camunda:decisionRef)",
          List.of());
    }
    List<XmlNode> collaborations = graph.rootElements("collaboration");
    XmlNode first = collaborations.isEmpty() ? null : collaborations.get(0);
    for (int i = 1; i < collaborations.size(); i++) {
      context.report(
          collaborations.get(i),
          "Collaboration "
              + BpmnElement.describe(collaborations.get(i))
              + " comes after collaboration "
              + BpmnElement.describe(first)
              + ": the engine reads one collaboration per file, and "
              + REFUSED_FILE
              + " (keep the pools and message flows in one collaboration, or each in a file"
              + " of its own)",
          first.id() == null ? List.of() : List.of(first.id()));
    }
  }
}
