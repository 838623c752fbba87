package io.checkup.cli;

import io.checkup.lint.Rule;
import io.checkup.lint.RuleCatalog;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code java -jar checkup-cli.jar lint [--format text|json|sarif] [--config FILE] [--max-warnings
 * N] PATH...}
 *
 * <p>Exit codes: 0 no errors (and warnings within {@code --max-warnings}); 1 findings of severity
 * error or too many warnings; 2 bad usage, or the output could not be written.
 */
public final class CheckupCli {

  static final int EXIT_OK = 0;
  static final int EXIT_FINDINGS = 1;
  static final int EXIT_USAGE = 2;

  private CheckupCli() {}

  public static void main(String[] args) {
    boolean forked = JitRelaunch.isForked();
    if (forked) {
      JitRelaunch.endWithParent();
    } else {
      int forkedExitCode = JitRelaunch.runIfWorthIt(args);
      if (forkedExitCode >= 0) {
        System.exit(forkedExitCode);
      }
    }
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
            false);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    int exitCode;
    try {
      exitCode = run(out, err, args);
    } catch (RuntimeException | Error e) {
      if (!forked) {
        throw e;
      }
      // the first JVM must not take this for a JVM that never started, and lint again
      e.printStackTrace();
      exitCode = EXIT_FINDINGS;
    }
    out.flush();
    err.flush();
    System.exit(forked ? JitRelaunch.FORKED_EXIT + exitCode : exitCode);
  }

  /** Runs the command line in this JVM with the given output streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Path.of(""), out, err, args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)}, in a working directory of the caller's.
   */
  static int run(Path workingDirectory, PrintWriter out, PrintWriter err, String... args) {
    int exitCode = command(workingDirectory, out, err, args);
    // a PrintWriter keeps write errors to itself: a full disk or a closed pipe must not pass for a
    // clean run whose report is missing
    if (out.checkError()) {
      err.println(
          "checkup-cli: the output could not be written (standard output closed, or the disk full);"
              + " the report is missing or incomplete");
      return EXIT_USAGE;
    }
    return exitCode;
  }

  private static int command(
      Path workingDirectory, PrintWriter out, PrintWriter err, String... args) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("checkup-cli: " + e.getMessage());
      err.println("Try 'java -jar checkup-cli.jar --help'.");
      return EXIT_USAGE;
    }
    switch (arguments.command) {
      case HELP -> {
        out.print(CliArguments.USAGE);
        return EXIT_OK;
      }
      case VERSION -> {
        out.println("camunda-checkup " + version());
        return EXIT_OK;
      }
      case RULES -> {
        for (Rule rule : RuleCatalog.standard().rules()) {
          out.printf(
              "%-38s %-6s %s%n", rule.id(), rule.info().severity().label(), rule.info().summary());
        }
        return EXIT_OK;
      }
      default -> {
        return new LintCommand(arguments, workingDirectory, out, err).call();
      }
    }
  }

  /** The version from the jar's manifest, so it always matches the build. */
  static String version() {
    String version = CheckupCli.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
