package io.checkup.cli;

import io.checkup.lint.Finding;
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
    return new FileResult(path.toString().replace('\\', '/'), findings);
  }
}
