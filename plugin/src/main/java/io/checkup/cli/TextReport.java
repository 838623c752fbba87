package io.checkup.cli;

import io.checkup.lint.Finding;
import io.checkup.lint.PlainText;
import io.checkup.lint.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code path:line:column severity rule elementId message}, one line per finding (the path alone
 * when the finding has no position), then a summary.
 */
final class TextReport {

  private TextReport() {}

  static void write(List<FileResult> results, PrintWriter out) {
    for (FileResult result : results) {
      for (Finding finding : result.findings()) {
        out.println(
            result.shownPath()
                + position(finding)
                + "  "
                + finding.severity().label()
                + "  "
                + finding.ruleId()
                + "  "
                + (finding.elementId() == null
                    ? "-"
                    : PlainText.oneLine(finding.elementId(), PlainText.NAME_LENGTH))
                + "  "
                + oneLine(finding.message()));
      }
    }
    long errors = LintCommand.count(results, Severity.ERROR);
    long warnings = LintCommand.count(results, Severity.WARN);
    long infos = LintCommand.count(results, Severity.INFO);
    long total = errors + warnings + infos;
    if (total > 0) {
      out.println(); // the summary apart from the findings
    }
    out.println(
        (total == 0
                ? "no problems"
                : total
                    + " problem"
                    + (total == 1 ? "" : "s")
                    + " ("
                    + errors
                    + " error"
                    + (errors == 1 ? "" : "s")
                    + ", "
                    + warnings
                    + " warning"
                    + (warnings == 1 ? "" : "s")
                    + ", "
                    + infos
                    + " info)")
            + " in "
            + results.size()
            + " file"
            + (results.size() == 1 ? "" : "s"));
  }

  /**
   * ":line:column", ":line" without a column, nothing for a finding about the file as a whole (an
   * editor's problem matcher reads no line 0).
   */
  private static String position(Finding finding) {
    if (finding.line() <= 0) {
      return "";
    }
    return finding.column() <= 0
        ? ":" + finding.line()
        : ":" + finding.line() + ":" + finding.column();
  }

  /** Whatever a model put into it, one line on the terminal, with no control sequence in it. */
  static String oneLine(String text) {
    return PlainText.oneLine(text, Integer.MAX_VALUE);
  }
}
