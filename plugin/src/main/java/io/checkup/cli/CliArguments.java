package io.checkup.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed. The grammar is small and fixed by docs/cli.md:
 *
 * <pre>
 * checkup-cli lint [--format text|json|sarif] [--config FILE] [--max-warnings N] PATH...
 * checkup-cli rules
 * checkup-cli --help | --version
 * </pre>
 *
 * Options take their value as the next argument or after {@code =}; {@code --} ends the options.
 * This is parsed here rather than by a command line library because such a library costs a third of
 * the command's start-up time (measured in docs/benchmarks.md), and start-up is most of what a lint
 * run of a few models costs.
 */
final class CliArguments {

  /** A mistake in the command line; the message says what, exit code 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  enum Command {
    LINT,
    RULES,
    HELP,
    VERSION
  }

  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  static final String USAGE =
      """
      Usage: java -jar checkup-cli.jar lint [--format text|json|sarif] [--config FILE] [--max-warnings N] [--only-executable] PATH...
             java -jar checkup-cli.jar rules
             java -jar checkup-cli.jar --help | --version

      lint    Lint BPMN 2.0 files (*.bpmn, *.bpmn20.xml; directories are searched recursively).
              --format text|json|sarif  output format (default: text)
              --config FILE             rule configuration: camunda-checkup JSON or a bpmnlint .bpmnlintrc
                                        (default: ./.bpmnlintrc when there is one, as bpmnlint reads it)
              --max-warnings N          exit 1 when there are more than N warnings (default: no limit)
              --only-executable         lint only processes with isExecutable="true", as the engine deploys
                                        (not those of files made for Camunda 8)
      rules   List every rule with its default severity.

      Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 bad usage.
      Rules and configuration: https://github.com/camunda-checkup/camunda-checkup/tree/main/docs
      """;

  Command command;
  Format format = Format.TEXT;
  Path config;
  Long maxWarnings;
  boolean onlyExecutable;
  final List<Path> paths = new ArrayList<>();

  static CliArguments parse(String... args) throws UsageException {
    CliArguments parsed = new CliArguments();
    if (args.length == 0) {
      throw new UsageException("missing command: use 'lint' or 'rules'");
    }
    int i = 0;
    String first = args[i++];
    switch (first) {
      case "lint" -> parsed.command = Command.LINT;
      case "rules" -> parsed.command = Command.RULES;
      case "-h", "--help", "help" -> {
        parsed.command = Command.HELP;
        return parsed;
      }
      case "-V", "--version" -> {
        if (args.length > 1) {
          throw new UsageException("'" + first + "' takes no arguments, got '" + args[1] + "'");
        }
        parsed.command = Command.VERSION;
        return parsed;
      }
      default -> throw new UsageException("unknown command '" + first + "': use 'lint' or 'rules'");
    }
    boolean options = true;
    while (i < args.length) {
      String arg = args[i++];
      if (options && arg.equals("--")) {
        options = false;
        continue;
      }
      if (options && (arg.equals("-h") || arg.equals("--help"))) {
        parsed.command = Command.HELP;
        return parsed;
      }
      if (!options || !arg.startsWith("-") || arg.equals("-")) {
        if (parsed.command == Command.RULES) {
          throw new UsageException("'rules' takes no arguments, got '" + arg + "'");
        }
        if (options && arg.equals("-")) {
          // other linters read standard input for '-'; this one would report "no such file"
          throw new UsageException(
              "'-' (standard input) is not read: name the model's file or directory (a file"
                  + " named '-': ./-, or - after --)");
        }
        parsed.paths.add(path(arg));
        continue;
      }
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (parsed.command == Command.LINT && name.equals("--only-executable")) {
        if (value != null) {
          throw new UsageException("option '--only-executable' takes no value");
        }
        parsed.onlyExecutable = true;
        continue;
      }
      if (parsed.command == Command.RULES
          || !(name.equals("--format")
              || name.equals("--config")
              || name.equals("--max-warnings"))) {
        throw new UsageException("unknown option '" + name + "'");
      }
      if (value == null) {
        if (i == args.length) {
          throw new UsageException("option '" + name + "' needs a value");
        }
        value = args[i++];
      }
      switch (name) {
        case "--format" -> parsed.format = format(value);
        case "--config" -> parsed.config = path(value);
        default -> parsed.maxWarnings = maxWarnings(value);
      }
    }
    if (parsed.command == Command.LINT && parsed.paths.isEmpty()) {
      throw new UsageException("missing PATH: name at least one BPMN file or directory");
    }
    return parsed;
  }

  private static Format format(String value) throws UsageException {
    return switch (value) {
      case "text" -> Format.TEXT;
      case "json" -> Format.JSON;
      case "sarif" -> Format.SARIF;
      default ->
          throw new UsageException("unknown format '" + value + "': use text, json or sarif");
    };
  }

  /** The limit, or null for none: -1, as bpmnlint writes "no limit". */
  private static Long maxWarnings(String value) throws UsageException {
    if (value.matches("0*[1-9][0-9]{18,}")) {
      return Long.MAX_VALUE; // more warnings than a run can have: no limit in effect
    }
    try {
      long limit = Long.parseLong(value);
      if (limit >= 0) {
        return limit;
      }
      if (limit == -1) {
        return null;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--max-warnings needs a whole number of 0 or more (or -1: no limit), got '" + value + "'");
  }

  /** A path as given; one the file system cannot name is a usage error, not a stack trace. */
  private static Path path(String value) throws UsageException {
    if (value.isEmpty()) {
      // Path.of("") is the working directory: an unset $MODELS would lint whatever is there
      throw new UsageException(
          "an empty path names nothing (an unset variable?): name a file or directory");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("'" + value + "' is not a path here: " + e.getReason());
    }
  }
}
