package io.checkup.cli;

import io.checkup.lint.Finding;
import io.checkup.lint.PlainText;
import java.nio.file.Path;
import java.util.List;

/**
 * The findings of one file.
 *
 * @param displayPath the path as given on the command line (or found below a given directory), with
 *     '/'
 */
record FileResult(String displayPath, List<Finding> findings) {

  static FileResult of(Path path, List<Finding> findings) {
    String shown = path.toString();
    if (path.getFileSystem().getSeparator().equals("\\")) {
      shown = shown.replace('\\', '/'); // Windows: one way of writing paths in every format
    }
    // a file name may hold a line break or an escape sequence: never a forged output line
    return new FileResult(PlainText.oneLine(shown, Integer.MAX_VALUE), findings);
  }

  /** A file or directory that could not be linted: one parse-error saying why, at no position. */
  static FileResult problem(Path path, String why) {
    return of(path, List.of(Finding.parseError(why, 0, 0)));
  }
}
