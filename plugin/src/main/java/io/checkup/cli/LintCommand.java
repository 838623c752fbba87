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
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * The {@code lint} command: lints files and directories, prints findings, returns the exit code.
 */
final class LintCommand {

  private final CliArguments arguments;
  private final PrintWriter out;
  private final PrintWriter err;

  private final Path workingDirectory;

  LintCommand(CliArguments arguments, Path workingDirectory, PrintWriter out, PrintWriter err) {
    this.arguments = arguments;
    this.workingDirectory = workingDirectory;
    this.out = out;
    this.err = err;
  }

  int call() {
    RuleCatalog catalog = RuleCatalog.standard();
    LintConfig lintConfig;
    Path config = arguments.config != null ? arguments.config : localBpmnlintrc(workingDirectory);
    try {
      lintConfig =
          config == null ? LintConfig.defaults(catalog) : LintConfigLoader.load(config, catalog);
    } catch (ConfigException e) {
      err.println("checkup-cli: " + e.getMessage());
      return CheckupCli.EXIT_USAGE;
    }
    for (String warning : lintConfig.warnings()) {
      err.println("checkup-cli: warning: " + warning);
    }
    List<Path> files = new ArrayList<>();
    List<FileResult> results = new ArrayList<>();
    for (Path path : arguments.paths) {
      collect(path, files, results);
    }
    files = once(files);
    results.addAll(
        lintAll(
            Linter.forFiles(lintConfig), files, arguments.onlyExecutable, HeapBudget.ofThisJvm()));
    results.sort(BY_PATH);
    switch (arguments.format) {
      case JSON -> JsonReport.write(results, out);
      case SARIF ->
          SarifReport.write(
              results, lintConfig, FileResult.slashed(workingDirectory.toAbsolutePath()), out);
      default -> TextReport.write(results, out);
    }
    out.flush();
    long errors = count(results, Severity.ERROR);
    long warnings = count(results, Severity.WARN);
    boolean tooManyWarnings = arguments.maxWarnings != null && warnings > arguments.maxWarnings;
    if (tooManyWarnings) {
      // the report says how many; the exit code alone would not say why
      err.println(
          "checkup-cli: "
              + warnings
              + " warning(s), more than --max-warnings "
              + arguments.maxWarnings
              + " allows");
    }
    return errors > 0 || tooManyWarnings ? CheckupCli.EXIT_FINDINGS : CheckupCli.EXIT_OK;
  }

  /**
   * Without {@code --config}, a {@code .bpmnlintrc} in the working directory, as bpmnlint finds it;
   * none there means the default rules (where bpmnlint would stop).
   */
  private static Path localBpmnlintrc(Path workingDirectory) {
    Path local = workingDirectory.resolve(".bpmnlintrc");
    return Files.isRegularFile(local) ? local : null;
  }

  private static final Comparator<FileResult> BY_PATH =
      new Comparator<>() {
        @Override
        public int compare(FileResult a, FileResult b) {
          return a.path().compareTo(b.path());
        }
      };

  /**
   * Lints on two threads when there is enough to share; results come back in the order of the
   * files.
   */
  private static List<FileResult> lintAll(
      Linter linter, List<Path> files, boolean onlyExecutable, HeapBudget budget) {
    FileResult[] results = new FileResult[files.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        new Runnable() {
          @Override
          public void run() {
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
              try {
                results[i] = lintFile(linter, files.get(i), onlyExecutable, budget);
              } catch (RuntimeException | Error e) {
                // never a file without a result: the others' findings are still printed
                results[i] = internalError(files.get(i), "the linter failed on this file: " + e);
              }
            }
          }
        };
    Thread helper = null;
    if (files.size() > 8 && Runtime.getRuntime().availableProcessors() > 1) {
      helper = new Thread(worker, "checkup-lint");
      helper.start();
    }
    worker.run();
    if (helper != null) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Arrays.asList(results);
  }

  /**
   * Each file once, the first path it was found by kept: named twice, or named and inside a
   * directory named too, a file would count its findings twice.
   */
  private static List<Path> once(List<Path> files) {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    for (Path file : files) {
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException e) {
        real = file.toAbsolutePath().normalize(); // the lint says what is wrong with it
      }
      byRealPath.putIfAbsent(real, file);
    }
    return new ArrayList<>(byRealPath.values());
  }

  static long count(List<FileResult> results, Severity severity) {
    long count = 0;
    for (FileResult result : results) {
      for (Finding finding : result.findings()) {
        if (finding.severity() == severity) {
          count++;
        }
      }
    }
    return count;
  }

  private static void collect(Path path, List<Path> files, List<FileResult> unreadable) {
    if (Files.isDirectory(path)) {
      try {
        List<Path> found = new ArrayList<>();
        BpmnFileWalk.walk(
            path,
            new BpmnFileWalk.Visitor() {
              @Override
              public boolean file(Path file, long size) {
                found.add(file);
                return true;
              }

              @Override
              public void failed(Path entry, IOException e) {
                unreadable.add(
                    FileResult.problem(
                        entry,
                        e instanceof FileSystemLoopException
                            ? "a loop of links: this directory links to one it is inside; not"
                                + " searched again"
                            : (Files.isDirectory(entry)
                                    ? "directory cannot be read"
                                    : "cannot be read")
                                + ": "
                                + (e instanceof AccessDeniedException
                                    ? "permission denied"
                                    : e.getMessage())));
              }
            });
        Collections.sort(found);
        if (found.isEmpty()) {
          // a CI job pointed at the wrong directory must not pass green
          unreadable.add(
              FileResult.problem(path, "no BPMN file (*.bpmn, *.bpmn20.xml) in this directory"));
        }
        files.addAll(found);
      } catch (IOException e) {
        unreadable.add(FileResult.problem(path, "directory cannot be read: " + e.getMessage()));
      }
    } else if (Files.exists(path)) {
      files.add(path);
    } else if (Files.isSymbolicLink(path)) {
      unreadable.add(FileResult.problem(path, "a link to nothing: no such file or directory"));
    } else {
      unreadable.add(FileResult.problem(path, "no such file or directory"));
    }
  }

  /**
   * One file's findings, or the one problem that kept it from being linted. Never throws: a file
   * that fails, even for want of memory, never costs the other files their findings.
   */
  static FileResult lintFile(Linter linter, Path file, boolean onlyExecutable, HeapBudget budget) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return FileResult.problem(file, "no such file");
    } catch (IOException e) {
      return FileResult.problem(file, "cannot be read: " + e.getMessage());
    }
    if (!attributes.isRegularFile()) {
      // a pipe would hold the run up, a device never end
      return FileResult.problem(
          file, "not a regular file (a pipe, a device or a socket): only files are linted");
    }
    long size = attributes.size();
    String tooLarge = budget.refusal(size);
    if (tooLarge != null) {
      return FileResult.problem(file, tooLarge);
    }
    Lock inMemory = budget.lockFor(size);
    inMemory.lock();
    try {
      return readAndLint(linter, file, onlyExecutable);
    } catch (OutOfMemoryError e) {
      // the estimate was short for this file, or the other file in memory took more
      return FileResult.problem(
          file,
          "cannot be read: this JVM ran out of memory linting it; give Java more memory (-Xmx)");
    } finally {
      inMemory.unlock();
    }
  }

  private static FileResult readAndLint(Linter linter, Path file, boolean onlyExecutable) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return FileResult.problem(file, "no such file");
    } catch (AccessDeniedException e) {
      return FileResult.problem(file, "cannot be read: permission denied");
    } catch (IOException e) {
      return FileResult.problem(file, "cannot be read: " + e.getMessage());
    }
    LintOutcome outcome;
    try {
      outcome = onlyExecutable ? linter.lintExecutable(bytes) : linter.lint(bytes);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(file, "the linter failed on this file: " + e);
    }
    List<Finding> findings = new ArrayList<>(outcome.findings());
    for (LintOutcome.RuleFailure failure : outcome.failures()) {
      findings.add(
          internalErrorFinding(
              "rule " + failure.ruleId() + " failed on this file: " + failure.error()));
    }
    return FileResult.of(file, findings);
  }

  private static FileResult internalError(Path file, String message) {
    return FileResult.of(file, List.of(internalErrorFinding(message)));
  }

  private static Finding internalErrorFinding(String message) {
    return new Finding(
        Finding.INTERNAL_ERROR, Severity.ERROR, message, null, 0, 0, null, List.of());
  }
}
