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
   * @param brief for the triage page: the task's or incident's own id left out where the link opens
   *     the instance's tasks or incidents, and at most {@value #BRIEF_LINE} characters with the
   *     link's words, the longest parts cut first (with an ellipsis), so that a long name or
   *     message never hides the assignee or the due date
   */
  static Detail describe(Map<String, Object> item, String cockpit, boolean brief) {
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
          || SHOWN_APART.contains(key)
          || (brief
              && item.get("processInstanceId") != null
              && (key.equals("taskId") || key.equals("incidentId")))) {
        continue;
      }
      parts.add(label(key) + " " + Words.value(key, value));
    }
    Object instance = item.get("processInstanceId");
    Object definition = item.get("processDefinitionId");
    String link = null;
    String label = null;
    if (instance != null) {
      String tab =
          item.containsKey("incidentId")
              ? "?tab=incidents-tab"
              : item.containsKey("taskId") ? "?tab=user-tasks-tab" : "";
      link = cockpit + "#/process-instance/" + instance + "/runtime" + tab;
      label = "instance " + instance;
    } else if (definition != null) {
      link = cockpit + "#/process-definition/" + definition + "/runtime";
      label = "open in Cockpit";
    }
    // the line, the link's words included, is at most BRIEF_LINE characters
    int room = BRIEF_LINE - (label == null ? 0 : SEPARATOR.length() + label.length());
    String text = brief ? fit(parts, room) : String.join(SEPARATOR, parts);
    return new Detail(text, link, label);
  }

  /** The fields the process part and the link show. */
  private static final List<String> SHOWN_APART =
      List.of("processName", "processKey", "version", "processDefinitionId", "processInstanceId");

  static final int BRIEF_LINE = 200;

  private static final String SEPARATOR = " · ";

  /** The shortest a part is cut to when a line must be shortened. */
  private static final int SHORTEST_PART = 24;

  /** The parts joined, the longest cut first until the line has at most {@code max} characters. */
  private static String fit(List<String> parts, int max) {
    int total = SEPARATOR.length() * Math.max(0, parts.size() - 1);
    for (String part : parts) {
      total += part.length();
    }
    while (total > max) {
      int longest = 0;
      for (int i = 1; i < parts.size(); i++) {
        if (parts.get(i).length() > parts.get(longest).length()) {
          longest = i;
        }
      }
      String part = parts.get(longest);
      int target = Math.max(SHORTEST_PART, part.length() - (total - max));
      if (target >= part.length()) {
        break;
      }
      String shorter = cut(part, target);
      parts.set(longest, shorter);
      total -= part.length() - shorter.length();
    }
    return cut(String.join(SEPARATOR, parts), max);
  }

  /** The text, or its first characters and an ellipsis, {@code max} characters in all. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    end -= Character.isLowSurrogate(text.charAt(end)) ? 1 : 0;
    return text.substring(0, end) + "…";
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
