package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the engine resolves a reference to a global element (a message, signal, error, escalation).
 */
public final class References {

  private References() {}

  /** Globals Camunda matches by their code, not their name. */
  private static final Set<String> MATCHED_BY_CODE = Set.of("error", "escalation");

  /**
   * The id a reference names, as Camunda 7 resolves it: a message or signal reference with a prefix
   * ({@code tns:newInvoice}) names {@code newInvoice} when the prefix stands for the file's target
   * namespace (where the prefixes are not known, as in the engine's parse, any prefix is taken so);
   * an error or escalation reference is the id as written, prefix and all.
   *
   * @param type the global's element name: message, signal, error or escalation
   */
  public static String resolve(String type, String reference, XmlNode definitions) {
    int colon = reference == null ? -1 : reference.indexOf(':');
    if (colon < 0 || MATCHED_BY_CODE.contains(type)) {
      return reference;
    }
    if (definitions.knowsDeclarations()) {
      String namespace = definitions.declaredNamespace(reference.substring(0, colon));
      if (namespace == null || !namespace.equals(definitions.attr("targetNamespace"))) {
        return reference; // names nothing in this file: the engine refuses it
      }
    }
    return reference.substring(colon + 1);
  }

  /**
   * The names of a file's messages or signals by id, as the engine reads them: the last of two with
   * one id counts; a global without a name maps to null.
   *
   * @param type message or signal
   */
  public static Map<String, String> names(BpmnGraph graph, String type) {
    return byId(graph, type, "name");
  }

  /**
   * The codes of a file's errors or escalations by id, as the engine reads them: the last of two
   * with one id counts, and an empty code is none (null).
   *
   * @param type error or escalation
   */
  public static Map<String, String> codes(BpmnGraph graph, String type) {
    Map<String, String> codes = byId(graph, type, type + "Code");
    codes.replaceAll((id, code) -> code == null || code.isEmpty() ? null : code);
    return codes;
  }

  /**
   * An attribute of each of a file's globals of {@code type} by id (the last of two with one id).
   */
  private static Map<String, String> byId(BpmnGraph graph, String type, String attribute) {
    Map<String, String> values = new HashMap<>();
    for (XmlNode global : graph.rootElements(type)) {
      if (global.id() != null) {
        values.put(global.id(), global.attr(attribute));
      }
    }
    return values;
  }
}
