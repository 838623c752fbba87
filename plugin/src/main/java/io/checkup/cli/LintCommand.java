package io.checkup.cli;

import io.checkup.lint.Finding;
import io.checkup.lint.LintConfig;
import io.checkup.lint.LintOutcome;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.lint.config.ConfigException;
import io.checkup.lint.config.LintConfigLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code lint} command: lints files and directories, prints findings, exits 0, 1 or 2. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Lint BPMN 2.0 files (*.bpmn, *.bpmn20.xml; directories are searched recursively).",
        "Exit code: 0 no errors, 1 errors or more warnings than --max-warnings, 2 bad usage."})
final class LintCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json, sarif }

  @Option(names = "--format", paramLabel = "text|json|sarif", description = "Output format (default: text).")
  Format format = Format.text;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Rule configuration (camunda-checkup JSON or a bpmnlint .bpmnlintrc).")
  Path config;

  @Option(names = "--max-warnings", paramLabel = "N",
      description = "Fail (exit 1) when there are more than N warnings (default: no limit).")
  Integer maxWarnings;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "BPMN files or directories.")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxWarnings != null && maxWarnings < 0) {
      err.println("checkup-cli: --max-warnings must be 0 or more, got " + maxWarnings);
      return CheckupCli.EXIT_USAGE;
    }
    RuleCatalog catalog = RuleCatalog.standard();
    LintConfig lintConfig;
    try {
      lintConfig = config == null ? LintConfig.defaults(catalog) : LintConfigLoader.load(config, catalog);
    } catch (ConfigException e) {
      err.println("checkup-cli: " + e.getMessage());
      return CheckupCli.EXIT_USAGE;
    }
    lintConfig.warnings().forEach(warning -> err.println("checkup-cli: warning: " + warning));
    List<Path> files = new ArrayList<>();
    List<FileResult> unreadable = new ArrayList<>();
    for (Path path : paths) {
      collect(path, files, unreadable);
    }
    Linter linter = new Linter(lintConfig);
    List<FileResult> results = new ArrayList<>(unreadable);
    results.addAll((files.size() > 8 ? files.parallelStream() : files.stream())
        .map(file -> lintFile(linter, file)).toList());
    results.sort(java.util.Comparator.comparing(FileResult::displayPath));
    switch (format) {
      case json -> JsonReport.write(results, out);
      case sarif -> SarifReport.write(results, lintConfig, out);
      default -> TextReport.write(results, out);
    }
    out.flush();
    long errors = count(results, Severity.ERROR);
    long warnings = count(results, Severity.WARN);
    return errors > 0 || (maxWarnings != null && warnings > maxWarnings) ? CheckupCli.EXIT_FINDINGS
        : CheckupCli.EXIT_OK;
  }

  static long count(List<FileResult> results, Severity severity) {
    return results.stream().flatMap(result -> result.findings().stream())
        .filter(finding -> finding.severity() == severity).count();
  }

  private static void collect(Path path, List<Path> files, List<FileResult> unreadable) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile).filter(LintCommand::isBpmnFile).sorted().forEach(files::add);
      } catch (IOException | java.io.UncheckedIOException e) {
        unreadable.add(FileResult.of(path, List.of(Finding.parseError(
            "directory cannot be read: " + e.getMessage(), 0, 0))));
      }
    } else if (Files.exists(path)) {
      files.add(path);
    } else {
      unreadable.add(FileResult.of(path, List.of(Finding.parseError("no such file or directory", 0, 0))));
    }
  }

  static boolean isBpmnFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  private static FileResult lintFile(Linter linter, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return FileResult.of(file, List.of(Finding.parseError("no such file", 0, 0)));
    } catch (AccessDeniedException e) {
      return FileResult.of(file, List.of(Finding.parseError("cannot be read: permission denied", 0, 0)));
    } catch (IOException | OutOfMemoryError e) {
      return FileResult.of(file, List.of(Finding.parseError("cannot be read: " + e.getMessage(), 0, 0)));
    }
    LintOutcome outcome;
    try {
      outcome = linter.lint(bytes);
    } catch (RuntimeException | StackOverflowError e) {
      return FileResult.of(file, List.of(new Finding(Finding.INTERNAL_ERROR, Severity.ERROR,
          "the linter failed on this file: " + e, null, 0, 0, null, List.of())));
    }
    List<Finding> findings = new ArrayList<>(outcome.findings());
    for (LintOutcome.RuleFailure failure : outcome.failures()) {
      findings.add(new Finding(Finding.INTERNAL_ERROR, Severity.ERROR, "rule " + failure.ruleId()
          + " failed on this file: " + failure.error(), null, 0, 0, null, List.of()));
    }
    return FileResult.of(file, findings);
  }
}
