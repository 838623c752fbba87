package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.testing.ModelGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a small heap, as a CI job with {@code -Xmx64m} runs it: a file too large for the
 * heap is refused with the heap it needs, a file just under the limit is linted, and every other
 * file keeps its findings, where the run used to end in an {@code OutOfMemoryError} with none.
 */
class HeapBudgetIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A valid model of about {@code megabytes} MB, nearly all of it one documentation text. */
  private static void documented(Path file, double megabytes) throws IOException {
    String text = "x".repeat((int) (megabytes * 1024 * 1024));
    Files.writeString(
        file,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
            + " targetNamespace=\"t\"><process id=\"p\" isExecutable=\"false\">"
            + "<startEvent id=\"s\" name=\"S\"><documentation>"
            + text
            + "</documentation></startEvent><sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/>"
            + "<endEvent id=\"e\" name=\"E\"/></process></definitions>\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void aFileTooLargeForTheHeapIsRefusedAndTheOthersAreLinted() throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    try (InputStream in = HeapBudgetIT.class.getResourceAsStream("/models/errors.bpmn")) {
      Files.write(models.resolve("errors.bpmn"), in.readAllBytes());
    }
    // -Xmx96m lets the linter hold files up to about 5.3 MB
    documented(models.resolve("large.bpmn"), 5.0);
    // and the densest of models, elements without a diagram, near that size: linted, not refused
    // and not run out of memory on
    String dense =
        ModelGenerator.structured("dense", 30_000)
            .replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
    assertThat(dense.length()).isBetween(4_000_000, 5_500_000);
    Files.writeString(models.resolve("dense.bpmn"), dense);
    documented(models.resolve("too-large.bpmn"), 8.0);

    Path jar =
        Path.of(System.getProperty("checkup.cli.jar", "target/checkup-cli.jar")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx96m", "-jar", jar.toString(), "lint", "--format", "json"));
    command.add(models.toString());
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the run ends").isTrue();

    assertThat(Files.readString(err)).doesNotContain("OutOfMemoryError");
    assertThat(process.exitValue()).isEqualTo(CheckupCli.EXIT_FINDINGS);
    JsonNode files = JSON.readTree(out.toFile()).get("files");
    assertThat(files).hasSize(4);
    assertThat(fileNamed(files, "dense.bpmn").get("findings"))
        .noneSatisfy(f -> assertThat(f.get("rule").asText()).isIn("parse-error", "internal-error"));
    JsonNode errors = fileNamed(files, "errors.bpmn");
    assertThat(errors.get("findings"))
        .anySatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("deadlock"));
    JsonNode large = fileNamed(files, "large.bpmn");
    assertThat(large.get("findings"))
        .noneSatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("parse-error"));
    JsonNode tooLarge = fileNamed(files, "too-large.bpmn");
    assertThat(tooLarge.get("findings")).hasSize(1);
    JsonNode refusal = tooLarge.get("findings").get(0);
    assertThat(refusal.get("rule").asText()).isEqualTo("parse-error");
    assertThat(refusal.get("message").asText())
        .startsWith("cannot be read: 8.0 MB is more than the linter can hold")
        .contains("java -Xmx")
        .doesNotContain("OutOfMemoryError");
  }

  private static JsonNode fileNamed(JsonNode files, String name) {
    for (JsonNode file : files) {
      if (file.get("path").asText().endsWith("/" + name)) {
        return file;
      }
    }
    throw new AssertionError("no result for " + name + " in " + files);
  }
}
