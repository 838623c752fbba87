package io.checkup.cli;

import io.checkup.lint.Finding;
import io.checkup.lint.PlainText;
import java.nio.file.Path;
import java.util.List;

/**
 * The findings of one file.
 *
 * @param path the path as given on the command line (or found below a given directory), with '/':
 *     exact in JSON and SARIF, which escape what they must; {@link #shownPath()} on a line of text
 */
record FileResult(String path, List<Finding> findings) {

  static FileResult of(Path path, List<Finding> findings) {
    return new FileResult(slashed(path), findings);
  }

  /** A path written as paths are here: '/' between names on every system. */
  static String slashed(Path path) {
    String given = path.toString();
    if (path.getFileSystem().getSeparator().equals("\\")) {
      given = given.replace('\\', '/'); // Windows: one way of writing paths in every format
    }
    return given;
  }

  /** The path on one line of text: a file name may hold a line break or an escape sequence. */
  String shownPath() {
    return PlainText.oneLine(path, Integer.MAX_VALUE);
  }

  /** A file or directory that could not be linted: one parse-error saying why, at no position. */
  static FileResult problem(Path path, String why) {
    return of(path, List.of(Finding.parseError(why, 0, 0)));
  }
}
