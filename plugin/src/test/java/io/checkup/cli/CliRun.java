package io.checkup.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the command line in this JVM: exit code, standard output, standard error. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return in(Path.of(""), args);
  }

  /** A run started in this working directory. */
  static CliRun in(Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CheckupCli.run(
            workingDirectory, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
