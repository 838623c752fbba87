package io.checkup.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar checkup-cli.jar lint [--format text|json|sarif] [--config FILE] [--max-warnings N] PATH...}
 *
 * <p>Exit codes: 0 no errors (and warnings within {@code --max-warnings}); 1 findings of severity error or too many
 * warnings; 2 bad usage.
 */
@Command(name = "checkup-cli", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "camunda-checkup: lint BPMN models for Camunda 7.",
    subcommands = {LintCommand.class, RulesCommand.class})
public final class CheckupCli implements Runnable {

  static final int EXIT_OK = 0;
  static final int EXIT_FINDINGS = 1;
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
        StandardCharsets.UTF_8), true);
    int exitCode = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /** Runs the command line in this JVM with the given output streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new CheckupCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      e.getCommandLine().getErr().println("checkup-cli: " + e.getMessage());
      e.getCommandLine().getErr().println("Try 'java -jar checkup-cli.jar "
          + (e.getCommandLine().getCommandName().equals("lint") ? "lint " : "") + "--help'.");
      return EXIT_USAGE;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'lint' or 'rules'");
  }
}
