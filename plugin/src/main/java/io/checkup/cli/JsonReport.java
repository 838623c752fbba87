package io.checkup.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.checkup.lint.Finding;
import io.checkup.lint.Severity;
import io.checkup.lint.WitnessStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code {"files": [{"path", "findings": [{"rule", "severity", "message", "elementId", "line",
 * "column", "processId", "relatedElementIds"}]}], "summary": {"files", "errors", "warnings",
 * "infos"}}}.
 */
final class JsonReport {

  private JsonReport() {}

  static void write(List<FileResult> results, PrintWriter out) {
    try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeArrayFieldStart("files");
      for (FileResult result : results) {
        json.writeStartObject();
        json.writeStringField("path", result.path());
        json.writeArrayFieldStart("findings");
        for (Finding finding : result.findings()) {
          writeFinding(json, finding);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("files", results.size());
      json.writeNumberField("errors", LintCommand.count(results, Severity.ERROR));
      json.writeNumberField("warnings", LintCommand.count(results, Severity.WARN));
      json.writeNumberField("infos", LintCommand.count(results, Severity.INFO));
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.ruleId());
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("message", finding.message());
    json.writeStringField("elementId", finding.elementId());
    json.writeNumberField("line", finding.line());
    json.writeNumberField("column", finding.column());
    json.writeStringField("processId", finding.processId());
    json.writeArrayFieldStart("relatedElementIds");
    for (String id : finding.relatedElementIds()) {
      json.writeString(id);
    }
    json.writeEndArray();
    if (!finding.witness().isEmpty()) {
      json.writeArrayFieldStart("witness");
      for (WitnessStep step : finding.witness()) {
        json.writeStartObject();
        json.writeStringField("elementId", step.elementId());
        json.writeStringField("flowId", step.flowId());
        json.writeStringField("step", step.step());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }
}
