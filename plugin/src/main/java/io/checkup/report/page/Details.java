package io.checkup.report.page;

import io.checkup.report.page.Views.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An element behind an indicator's value, in words for people, with its place in Cockpit. */
final class Details {

  private Details() {}

  /**
   * "Invoice approval (invoice, version 3) · gateway amount · flow big" and a link to the instance
   * or the definition in Cockpit, from a report's details item.
   *
   * @param cockpit Cockpit's address, ending in a slash
   * @param maxChars the longest description: longer ones are cut, with an ellipsis
   */
  static Detail describe(Map<String, Object> item, String cockpit, int maxChars) {
    List<String> parts = new ArrayList<>();
    Object processName = item.get("processName");
    Object processKey = item.get("processKey");
    if (processKey != null) {
      String process =
          processName == null ? String.valueOf(processKey) : processName + " (" + processKey;
      if (processName != null) {
        process += item.get("version") == null ? ")" : ", version " + item.get("version") + ")";
      } else if (item.get("version") != null) {
        process += " version " + item.get("version");
      }
      parts.add(process);
    }
    for (Map.Entry<String, Object> field : item.entrySet()) {
      String key = field.getKey();
      Object value = field.getValue();
      if (value == null
          || List.of(
                  "processName",
                  "processKey",
                  "version",
                  "processDefinitionId",
                  "processInstanceId")
              .contains(key)) {
        continue;
      }
      parts.add(label(key) + " " + value);
    }
    String text = String.join(" · ", parts);
    if (text.length() > maxChars) {
      int end = maxChars - 1;
      end -= Character.isLowSurrogate(text.charAt(end)) ? 1 : 0;
      text = text.substring(0, end) + "…";
    }
    Object instance = item.get("processInstanceId");
    Object definition = item.get("processDefinitionId");
    if (instance != null) {
      String tab =
          item.containsKey("incidentId")
              ? "?tab=incidents-tab"
              : item.containsKey("taskId") ? "?tab=user-tasks-tab" : "";
      return new Detail(
          text,
          cockpit + "#/process-instance/" + instance + "/runtime" + tab,
          "instance " + instance);
    }
    if (definition != null) {
      return new Detail(
          text, cockpit + "#/process-definition/" + definition + "/runtime", "open in Cockpit");
    }
    return new Detail(text, null, null);
  }

  /** A field name in words: {@code gatewayId} is "gateway", {@code waitingFor} "waiting for". */
  private static String label(String key) {
    String name = key.endsWith("Id") ? key.substring(0, key.length() - 2) : key;
    StringBuilder words = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        words.append(' ').append(Character.toLowerCase(c));
      } else {
        words.append(c);
      }
    }
    return words.toString();
  }
}
