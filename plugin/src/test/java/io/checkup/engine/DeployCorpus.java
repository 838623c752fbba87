package io.checkup.engine;

import io.checkup.lint.LintConfig;
import io.checkup.lint.Linter;
import io.checkup.lint.RuleCatalog;
import io.checkup.lint.Severity;
import io.checkup.testing.TestEngines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Deploys every BPMN file under a folder (models nobody here wrote: Camunda's own test models, the
 * MIWG suite) to two H2 engines, one without the plugin and one with it in a lint mode, one file
 * per deployment, and compares the answers: deployed, refused with a problem report (the REST API's
 * HTTP 400 that Camunda Modeler shows) or failed otherwise. It prints every file whose answer
 * differs, the plugin's own problems where the engine refused too (with the element and line they
 * are placed at), and the count of each pair of answers. Both engines give every process a history
 * time to live, as an engine configured for production does. It also lints each file as the command
 * line's {@code --only-executable} does, and counts how many of the files the engine alone refuses
 * (or fails on) get an error from it: what a CI job running the command line would have caught
 * before the deployment.
 *
 * <p>{@code java -cp ... io.checkup.engine.DeployCorpus <folder> [warn|strict|off]}; figures in
 * docs/quality.md.
 */
public final class DeployCorpus {

  private DeployCorpus() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    CheckupProcessEnginePlugin plugin = new CheckupProcessEnginePlugin();
    plugin.setLintMode(args.length > 1 ? args[1] : "warn");
    ProcessEngine without = engine(TestEngines.h2().configuration());
    ProcessEngine with = engine(TestEngines.h2().plugin(plugin).configuration());
    List<Path> files;
    try (Stream<Path> found = Files.walk(folder)) {
      files =
          found
              .filter(
                  file ->
                      file.toString().endsWith(".bpmn") || file.toString().endsWith(".bpmn20.xml"))
              .sorted()
              .toList();
    }
    Map<String, Integer> answers = new TreeMap<>();
    Linter commandLine = Linter.forFiles(LintConfig.defaults(RuleCatalog.standard()));
    int refused = 0;
    int caught = 0;
    int resource = 0;
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String name = "r" + resource++ + ".bpmn"; // a file name of its own: names repeat in a corpus
      Throwable engineAlone = deploy(without, name, bytes);
      Throwable withPlugin = deploy(with, name, bytes);
      String pair = answer(engineAlone) + " -> " + answer(withPlugin);
      answers.merge(pair, 1, Integer::sum);
      if (engineAlone != null) {
        refused++;
        if (commandLine.lintExecutable(bytes).findings().stream()
            .anyMatch(finding -> finding.severity() == Severity.ERROR)) {
          caught++;
        } else {
          System.out.println("not caught by the command line: " + folder.relativize(file));
          System.out.println("  engine: " + shortly(engineAlone));
        }
      }
      if (!answer(engineAlone).equals(answer(withPlugin))) {
        System.out.println(pair + " " + folder.relativize(file));
        System.out.println("  without: " + shortly(engineAlone));
        System.out.println("  with:    " + shortly(withPlugin));
      }
      if (engineAlone != null && withPlugin instanceof ParseException refusal) {
        for (var report : refusal.getResorceReports()) {
          for (Problem problem : report.getErrors()) {
            if (problem.getMessage().startsWith(DeploymentLinter.OWN_PROBLEM)) {
              System.out.println(
                  "  own problem at '"
                      + problem.getMainElementId()
                      + "', line "
                      + problem.getLine()
                      + ": "
                      + shortly(problem.getMessage()));
            }
          }
        }
      }
    }
    System.out.println(files.size() + " files: " + answers);
    System.out.println(
        "the command line (--only-executable) reports an error in "
            + caught
            + " of the "
            + refused
            + " files the engine alone refuses or fails on");
    without.close();
    with.close();
  }

  private static ProcessEngine engine(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryTimeToLive("P30D");
    return configuration.buildProcessEngine();
  }

  private static Throwable deploy(ProcessEngine engine, String name, byte[] bytes) {
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addInputStream(name, new ByteArrayInputStream(bytes))
          .deploy();
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      return e;
    }
  }

  /**
   * {@code deployed}, {@code report} (a parse exception: the REST API's 400 with the problems) or
   * {@code failed} (any other exception, a 500 where it is the engine's own).
   */
  private static String answer(Throwable failure) {
    return failure == null ? "deployed" : failure instanceof ParseException ? "report" : "failed";
  }

  private static String shortly(Object text) {
    String line = String.valueOf(text == null ? "-" : text).replace('\n', ' ');
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
