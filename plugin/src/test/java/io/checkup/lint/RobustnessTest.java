package io.checkup.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.checkup.testing.ModelGenerator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any input gives findings or one clear parse error, never an exception. The timeouts are guards
 * against hangs (an endless loop would otherwise stall the build), far above the real times
 * measured in docs/benchmarks.md.
 */
class RobustnessTest {

  private static final Duration HANG_GUARD = Duration.ofMinutes(2);
  private final Linter linter = new Linter(LintConfig.defaults(RuleCatalog.standard()));

  private LintOutcome lint(String xml) {
    return lint(xml.getBytes(StandardCharsets.UTF_8));
  }

  private LintOutcome lint(byte[] bytes) {
    LintOutcome outcome = assertTimeoutPreemptively(HANG_GUARD, () -> linter.lint(bytes));
    assertThat(outcome.failures()).as("rules that threw").isEmpty();
    return outcome;
  }

  private static void assertSingleParseError(LintOutcome outcome, String messagePart) {
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo("parse-error");
              assertThat(finding.severity()).isEqualTo(Severity.ERROR);
              assertThat(finding.message()).contains(messagePart);
            });
  }

  @Test
  void malformedXmlIsAParseErrorWithPosition() {
    LintOutcome outcome =
        lint("<?xml version=\"1.0\"?>\n<definitions>\n  <process id=\"p\">\n</definitions>");

    assertSingleParseError(outcome, "not well-formed XML");
    assertThat(outcome.findings().get(0).line()).isEqualTo(4);
  }

  @Test
  void aParseErrorKeepsItsLineBelowAnXmlDeclarationOfSeveralLines() {
    LintOutcome outcome =
        lint(
            "<?xml\r\n  version=\"1.0\"\n  encoding=\"UTF-8\"?>\n<definitions>\n"
                + "  <process id=\"p\">\n</definitions>");

    assertSingleParseError(outcome, "not well-formed XML");
    assertThat(outcome.findings().get(0).line()).isEqualTo(6);
  }

  /**
   * Lanes nest through lane sets: ten thousand levels of them overflowed the graph builder's stack
   * (an internal error hiding every finding); like the engine at deploy time, the reader stops at a
   * thousand levels of elements, whatever they are.
   */
  @Test
  void elementsNestedDeeperThanAThousandLevelsAreOneParseErrorNotAStackOverflow() {
    int lanes = 10_000;
    StringBuilder xml =
        new StringBuilder(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
                + "<process id=\"p\" isExecutable=\"false\">\n<startEvent id=\"s\"/>\n<laneSet>\n");
    for (int i = 0; i < lanes; i++) {
      xml.append("<lane id=\"l").append(i).append("\"><childLaneSet>\n");
    }
    xml.append("</childLaneSet></lane>\n".repeat(lanes))
        .append("</laneSet></process></definitions>");
    // definitions, process, laneSet, then lane and childLaneSet by turns: the 1,001st level is
    // lane l498's child lane set, on line 503
    LintOutcome outcome = lint(xml.toString());

    assertSingleParseError(outcome, "elements are nested more than 1000 levels deep (line 503)");
    assertThat(outcome.findings().get(0).message()).startsWith("elements are nested");
    assertThat(outcome.findings().get(0).line()).isEqualTo(503);

    // definitions, process and extensionElements, then foreign elements: 997 of them make 1,000
    assertThat(lint(nestedExtensions(997)).findings())
        .extracting(Finding::ruleId)
        .doesNotContain("parse-error");
    assertSingleParseError(lint(nestedExtensions(998)), "nested more than 1000 levels deep");
  }

  private static String nestedExtensions(int depth) {
    return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
        + "<extensionElements>"
        + "<x:e xmlns:x=\"urn:x\">".repeat(depth)
        + "</x:e>".repeat(depth)
        + "</extensionElements><startEvent id=\"s\"/></process></definitions>";
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "%s"> ]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="p" name="&xxe;"><startEvent id="s"/></process>
        </definitions>
        """
            .formatted(secret.toUri());

    LintOutcome outcome = lint(xml);

    assertSingleParseError(
        outcome,
        "entity reference '&xxe;' is not resolved: a model may use XML's predefined entities only");
    assertThat(outcome.findings().get(0).message()).doesNotContain("TOP-SECRET");
  }

  /** A generated file with a line before its declaration: Camunda refuses it too. */
  @Test
  void anXmlDeclarationAfterABlankLineIsNamedAsSuch() {
    String xml =
        "\n<?xml version=\"1.0\"?>\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\"/>";

    LintOutcome outcome = lint(xml);

    assertSingleParseError(
        outcome, "the XML declaration (<?xml ...?>) is not at the very start of the file");
    assertThat(outcome.findings().get(0).line()).isEqualTo(2);
  }

  @Test
  void aDoctypeWithAnExternalDtdIsNotFetched() {
    String xml =
        """
        <?xml version="1.0"?>
        <!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>
        """;

    LintOutcome outcome = lint(xml);

    // the DTD is ignored, not fetched; the document itself is fine
    assertThat(outcome.findings()).extracting(Finding::ruleId).doesNotContain("parse-error");
  }

  /**
   * No space before a DOCTYPE's internal subset is well-formed XML; the parser called the bracket
   * "Invalid name character (0x5b)". Read like any DTD: ignored, its entities never resolved.
   */
  @Test
  void aDoctypeWithoutSpaceBeforeItsInternalSubsetIsReadAsAnyDoctype() {
    String plain =
        """
        <?xml version="1.0"?>
        <!DOCTYPE definitions[<!ENTITY x "y">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>
        """;
    assertThat(lint(plain).findings()).extracting(Finding::ruleId).doesNotContain("parse-error");

    String used =
        plain.replace("id=\"d\"/>", "id=\"d\"><process id=\"p\" name=\"&x;\"/></definitions>");
    assertSingleParseError(
        lint(used),
        "entity reference '&x;' is not resolved: a model may use XML's predefined entities only");
  }

  /**
   * An entity reference after text in an element (Flowable's and Activiti's external entity tests
   * have one) came out as the parser's raw words with an escaped line break and no position, where
   * the same entity as the element's only content read well.
   */
  @Test
  void anEntityAfterTextIsReportedAsAnyUnresolvedEntityWithItsPosition() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY foo \"x\">]>\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<process id=\"p\"><documentation>a &foo;</documentation></process></definitions>";

    LintOutcome outcome = lint(xml);

    assertSingleParseError(
        outcome,
        "entity reference '&foo;' is not resolved: a model may use XML's predefined entities only");
    Finding finding = outcome.findings().get(0);
    assertThat(finding.message()).doesNotContain("\\n", "row,col", "malformed XML");
    assertThat(finding.line()).isEqualTo(3);
    assertThat(finding.column()).isPositive();
  }

  @Test
  void definitionsWithoutANamespaceSayTheNamespaceIsMissing() {
    assertSingleParseError(
        lint("<definitions id=\"d\"><process id=\"p\"/></definitions>"),
        "not a BPMN 2.0 file: <definitions> has no namespace; a BPMN model declares"
            + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"");
  }

  @Test
  void bytesThatAreNotUtf8AreAParseError() {
    byte[] head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\""
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"/></definitions>".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 3 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28; // an invalid two-byte sequence
    bytes[head.length + 2] = (byte) 0xFF;
    System.arraycopy(tail, 0, bytes, head.length + 3, tail.length);

    assertSingleParseError(lint(bytes), "not well-formed XML");
  }

  @Test
  void latin1DeclaredAsSuchIsRead() {
    byte[] bytes =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
                + "<process id=\"p\" name=\"Bestellung prüfen\"><startEvent id=\"s\"/><endEvent id=\"e\"/>"
                + "<sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/></process></definitions>")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(lint(bytes).findings()).extracting(Finding::ruleId).doesNotContain("parse-error");
  }

  /**
   * XML 1.0 (appendix F) lets a document say its encoding by its first bytes: UTF-16 and UTF-32,
   * with or without a byte order mark. Each is read, names included, and gets the findings of its
   * model (here the deadlock of a split whose branches meet at an exclusive and then a parallel
   * join).
   */
  @Test
  void utf16AndUtf32WithOrWithoutByteOrderMarkAreRead() {
    String xml =
        "<?xml version=\"1.0\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<process id=\"p\" name=\"Заказ prüfen\"><startEvent id=\"s\"/>"
            + "<exclusiveGateway id=\"x\"/><task id=\"a\"/><task id=\"b\"/>"
            + "<parallelGateway id=\"j\" name=\"Beide 📦\"/><endEvent id=\"e\"/>"
            + "<sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"x\"/>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"x\" targetRef=\"a\"/>"
            + "<sequenceFlow id=\"f3\" sourceRef=\"x\" targetRef=\"b\"/>"
            + "<sequenceFlow id=\"f4\" sourceRef=\"a\" targetRef=\"j\"/>"
            + "<sequenceFlow id=\"f5\" sourceRef=\"b\" targetRef=\"j\"/>"
            + "<sequenceFlow id=\"f6\" sourceRef=\"j\" targetRef=\"e\"/>"
            + "</process></definitions>";
    for (String encoding : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      Charset charset = Charset.forName(encoding);
      byte[] bare = xml.getBytes(charset);
      byte[] mark = "\uFEFF".getBytes(charset);
      byte[] marked = new byte[mark.length + bare.length];
      System.arraycopy(mark, 0, marked, 0, mark.length);
      System.arraycopy(bare, 0, marked, mark.length, bare.length);
      for (byte[] bytes : List.of(bare, marked)) {
        LintOutcome outcome = lint(bytes);
        assertThat(outcome.findings())
            .as(encoding + (bytes == marked ? " with" : " without") + " byte order mark")
            .extracting(Finding::ruleId)
            .doesNotContain("parse-error")
            .contains("deadlock");
        assertThat(outcome.findings())
            .filteredOn(finding -> finding.ruleId().equals("deadlock"))
            .extracting(Finding::message)
            .anySatisfy(message -> assertThat(message).contains("'Beide 📦'"));
      }
    }
  }

  /** Without a mark or declaration, and with white space before the first tag. */
  @Test
  void utf16AndUtf32WithoutMarkOrDeclarationAreRead() {
    String xml =
        "\n  <definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
            + "<process id=\"p\" name=\"Заказ 📦\" isExecutable=\"true\"><startEvent id=\"s\"/></process>"
            + "</definitions>";
    for (String encoding : List.of("UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
      for (String text : List.of(xml, xml.strip())) {
        LintOutcome outcome = lint(text.getBytes(Charset.forName(encoding)));
        assertThat(outcome.findings())
            .as(encoding)
            .extracting(Finding::ruleId)
            .doesNotContain("parse-error")
            .contains("end-event-required");
        assertThat(outcome.findings())
            .extracting(Finding::message)
            .anySatisfy(message -> assertThat(message).contains("'Заказ 📦' (p)"));
      }
    }
  }

  @Test
  void aDeclarationOfUtf16InAFileOfOneByteACharacterSaysSo() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\"/>";
    assertSingleParseError(
        lint(xml.getBytes(StandardCharsets.UTF_8)),
        "the XML declaration says encoding 'UTF-16', but the file is written one byte a character");
  }

  @Test
  void aSurrogateInUtf32IsNoCharacter() {
    // 📦 written as the two UTF-16 halves it has there, each as a UTF-32 unit: no character at all
    byte[] bytes =
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"\uD83D\uDCE6\"/>"
            .getBytes(Charset.forName("UTF-32BE"));
    int at = -1;
    for (int i = 0; i + 3 < bytes.length; i += 4) {
      if (bytes[i + 2] == (byte) 0xD8 && bytes[i + 3] == (byte) 0x3D) {
        at = i;
      }
    }
    if (at < 0) {
      // the encoder wrote the code point: put the two halves in its place
      int i =
          4 * "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"".length();
      byte[] split = new byte[bytes.length + 4];
      System.arraycopy(bytes, 0, split, 0, i);
      split[i + 2] = (byte) 0xD8;
      split[i + 3] = (byte) 0x3D;
      split[i + 6] = (byte) 0xDC;
      split[i + 7] = (byte) 0xE6;
      System.arraycopy(bytes, i + 4, split, i + 8, bytes.length - i - 4);
      bytes = split;
      at = i;
    }
    assertSingleParseError(
        lint(bytes), "byte " + (at + 1) + " is not valid UTF-32BE (U+D83D is a surrogate");
  }

  @Test
  void aBrokenUtf32FileNamesTheByteAndTheEncoding() {
    byte[] bytes = "<definitions/>".getBytes(Charset.forName("UTF-32LE"));
    bytes[10] = 0x11; // the third character, U+110066: above the last code point
    assertSingleParseError(lint(bytes), "byte 9 is not valid UTF-32LE");
  }

  @Test
  void emptyGarbageAndForeignXmlAreParseErrors() {
    // said in words, not as the XML parser's "Unexpected End-of-input in prolog"
    assertSingleParseError(lint(new byte[0]), "not well-formed XML: the file is empty");
    assertSingleParseError(lint("\uFEFF \n\t"), "not well-formed XML: the file is empty");
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    assertSingleParseError(lint(garbage), "not well-formed XML");
    assertSingleParseError(lint("<html><body>hello</body></html>"), "not a BPMN 2.0 file");
    assertSingleParseError(
        lint("<definitions xmlns=\"http://example.com/not-bpmn\"/>"), "not a BPMN 2.0 file");
  }

  @Test
  void aModelOfTwentyThousandElementsIsLinted() {
    LintOutcome outcome = lint(ModelGenerator.structured("big", 20_000));

    assertThat(outcome.findings())
        .extracting(Finding::ruleId)
        .contains("model-size")
        .doesNotContain("parse-error", "fake-branch", "deadlock", "unreachable");
  }

  @Test
  void oneHundredLevelsOfNestedSubProcesses() {
    LintOutcome outcome = lint(ModelGenerator.nested(100));

    assertThat(outcome.findings())
        .extracting(Finding::ruleId)
        .doesNotContain("parse-error", "fake-branch", "unreachable", "start-event-required");
  }

  @Test
  void cyclesEverywhere() {
    for (long seed = 1; seed <= 20; seed++) {
      lint(ModelGenerator.tangled(300, seed));
    }
    LintOutcome large = lint(ModelGenerator.tangled(20_000, 99));
    // too tangled to follow every branch: the path rules stop at their work budget and say so, as
    // info only
    assertThat(large.findings())
        .filteredOn(finding -> finding.message().contains("stopped early"))
        .extracting(Finding::ruleId, Finding::severity, Finding::elementId)
        .containsExactlyInAnyOrder(
            Tuple.tuple("deadlock", Severity.INFO, "tangled"),
            Tuple.tuple("lack-of-synchronization", Severity.INFO, "tangled"));
  }

  /** A process without start event whose {@code body} elements all start at once. */
  private static String withoutStartEvent(String body) {
    return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
        + "<process id=\"p\" isExecutable=\"true\">"
        + body
        + "</process></definitions>";
  }

  @Test
  void manyStartsWithoutAStartEventAreCheckedCompletely() {
    // 40 chains and 40 lone tasks without a start event: 80 tokens at once, 2^80 states unreduced
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      body.append(
          String.format(
              "<task id=\"t%d\" name=\"T%d\"/><endEvent id=\"e%d\"/>"
                  + "<sequenceFlow id=\"f%d\" sourceRef=\"t%d\" targetRef=\"e%d\"/>"
                  + "<task id=\"lone%d\"/>",
              i, i, i, i, i, i, i));
    }

    LintOutcome outcome = lint(withoutStartEvent(body.toString()));

    assertThat(outcome.findings())
        .extracting(Finding::ruleId)
        .contains("start-event-required")
        .doesNotContain("deadlock", "lack-of-synchronization");
  }

  @Test
  void aTangledPartWithoutGatewaysIsNamedByItsElements() {
    // 20 tasks start at once; each hands a token to its own next task and to its neighbour's
    int n = 20;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < n; i++) {
      body.append(
          String.format(
              "<task id=\"t%d\" name=\"T%d\"/><task id=\"u%d\" name=\"U%d\"/>"
                  + "<endEvent id=\"e%d\"/>"
                  + "<sequenceFlow id=\"a%d\" sourceRef=\"t%d\" targetRef=\"u%d\"/>"
                  + "<sequenceFlow id=\"b%d\" sourceRef=\"t%d\" targetRef=\"u%d\"/>"
                  + "<sequenceFlow id=\"c%d\" sourceRef=\"u%d\" targetRef=\"e%d\"/>",
              i, i, i, i, i, i, i, i, i, i, (i + 1) % n, i, i, i));
    }

    LintOutcome outcome = lint(withoutStartEvent(body.toString()));

    assertThat(outcome.findings())
        .filteredOn(finding -> finding.message().contains("stopped early"))
        .extracting(Finding::ruleId, Finding::message)
        .contains(
            Tuple.tuple(
                "deadlock",
                "Deadlock analysis stopped early: the fragment of 'T0' (t0), 'U0' (u0), 'T1' (t1)"
                    + " and 37 more elements has too many reachable states to explore them all;"
                    + " split it into sub-processes to have it checked completely"));
  }

  /**
   * An inclusive split with more conditional flows than the exploration tries every set of: each
   * flow alone and each pair are still tried, so the deadlock of a parallel join behind it (one
   * flow alone) and the second token at an exclusive merge (two at once) are found, with the
   * verdict given up for the rest (it found neither, with a 12-way split, before).
   */
  @Test
  void anInclusiveSplitOfManyConditionsStillShowsWhatOneOrTwoOfThemLeadTo() {
    for (int conditions : List.of(11, 30)) {
      List<Finding> intoParallel =
          lint(inclusiveSplit("parallelGateway", conditions)).findings().stream()
              .filter(finding -> finding.ruleId().equals("deadlock"))
              .toList();
      assertThat(intoParallel)
          .as("%d conditions into a parallel join", conditions)
          .extracting(Finding::severity)
          .containsExactlyInAnyOrder(Severity.ERROR, Severity.INFO);
      assertThat(intoParallel)
          .filteredOn(finding -> finding.severity() == Severity.ERROR)
          .singleElement()
          .satisfies(
              deadlock -> {
                assertThat(deadlock.elementId()).isEqualTo("join");
                assertThat(deadlock.message())
                    .contains("inclusive gateway 'Split' (split) can send a token along the first");
              });
      assertThat(lint(inclusiveSplit("exclusiveGateway", conditions)).findings())
          .as("%d conditions into an exclusive merge", conditions)
          .filteredOn(finding -> finding.ruleId().equals("lack-of-synchronization"))
          .extracting(Finding::severity, Finding::elementId)
          .contains(Tuple.tuple(Severity.WARN, "join"));
    }
  }

  /**
   * A start, an inclusive split of a default and {@code conditions} conditional flows into {@code
   * join}.
   */
  private static String inclusiveSplit(String join, int conditions) {
    StringBuilder xml =
        new StringBuilder(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
                + "<process id=\"p\" isExecutable=\"false\"><startEvent id=\"s\"/>"
                + "<inclusiveGateway id=\"split\" name=\"Split\" default=\"a0\"/><"
                + join
                + " id=\"join\" name=\"Join\"/><endEvent id=\"e\"/>"
                + "<sequenceFlow id=\"in\" sourceRef=\"s\" targetRef=\"split\"/>"
                + "<sequenceFlow id=\"out\" sourceRef=\"join\" targetRef=\"e\"/>");
    for (int i = 0; i <= conditions; i++) {
      xml.append(
          String.format(
              "<serviceTask id=\"t%d\" name=\"T%d\"/>"
                  + "<sequenceFlow id=\"a%d\" sourceRef=\"split\" targetRef=\"t%d\">%s</sequenceFlow>"
                  + "<sequenceFlow id=\"b%d\" sourceRef=\"t%d\" targetRef=\"join\"/>",
              i,
              i,
              i,
              i,
              i == 0 ? "" : "<conditionExpression>${c" + i + "}</conditionExpression>",
              i,
              i));
    }
    return xml.append("</process></definitions>").toString();
  }

  /** A start, a split of {@code branches} tasks into {@code join}, and an end after it. */
  private static String wideSplit(String split, String join, int branches) {
    StringBuilder xml =
        new StringBuilder(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
                + "<process id=\"p\" isExecutable=\"false\"><startEvent id=\"s\"/>"
                + "<"
                + split
                + " id=\"split\" name=\"Split\"/><"
                + join
                + " id=\"join\" name=\"Join\"/><endEvent id=\"e\"/>"
                + "<sequenceFlow id=\"in\" sourceRef=\"s\" targetRef=\"split\"/>"
                + "<sequenceFlow id=\"out\" sourceRef=\"join\" targetRef=\"e\"/>");
    for (int i = 0; i < branches; i++) {
      xml.append(
          String.format(
              "<serviceTask id=\"t%d\" name=\"T%d\"/>"
                  + "<sequenceFlow id=\"a%d\" sourceRef=\"split\" targetRef=\"t%d\"/>"
                  + "<sequenceFlow id=\"b%d\" sourceRef=\"t%d\" targetRef=\"join\"/>",
              i, i, i, i, i, i));
    }
    return xml.append("</process></definitions>").toString();
  }

  @Test
  void splitsOfTwentyThousandBranchesGetTheirVerdicts() {
    // the reduction, the scope analysis and the duplicate check are linear in a split's branches
    // (they were quadratic: minutes for 300,000 branches; docs/benchmarks.md)
    assertThat(lint(wideSplit("parallelGateway", "parallelGateway", 20_000)).findings())
        .extracting(Finding::ruleId)
        .doesNotContain("deadlock", "lack-of-synchronization", "fake-branch", "unreachable");
    // 20,000 alternatives into a parallel join: past the exploration's 16 MB, so it says so rather
    // than calling the scope sound (with 30 branches the deadlock is found, with its witness)
    assertThat(lint(wideSplit("exclusiveGateway", "parallelGateway", 20_000)).findings())
        .filteredOn(finding -> finding.ruleId().equals("deadlock"))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            Tuple.tuple(
                Severity.INFO,
                "Deadlock analysis stopped early: the fragment of 'Split' (split), 'Join' (join) has"
                    + " too many reachable states to explore them all; split it into sub-processes"
                    + " to have it checked completely"));
    StringBuilder twins =
        new StringBuilder(
            "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
                + "<process id=\"p\"><startEvent id=\"s\"/><endEvent id=\"e\"/>");
    for (int i = 0; i < 20_000; i++) {
      twins.append(String.format("<sequenceFlow id=\"f%d\" sourceRef=\"s\" targetRef=\"e\"/>", i));
    }
    assertThat(lint(twins.append("</process></definitions>").toString()).findings())
        .filteredOn(finding -> finding.ruleId().equals("no-duplicate-sequence-flows"))
        .hasSize(19_999 + 2);
  }

  @Test
  void brokenReferencesEverywhere() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="p" isExecutable="true">
            <startEvent id="s"><messageEventDefinition messageRef="nothing"/></startEvent>
            <boundaryEvent id="b" attachedToRef="ghost"/>
            <task id="t" default="ghostFlow"/>
            <sequenceFlow id="f1"/>
            <sequenceFlow id="f2" sourceRef="s"/>
            <sequenceFlow id="f3" targetRef="t"/>
            <sequenceFlow sourceRef="t" targetRef="t"/>
            <task id="t"/>
            <subProcess id="sp"><sequenceFlow id="inner" sourceRef="s" targetRef="t"/></subProcess>
            <intermediateThrowEvent id="l"><linkEventDefinition/><linkEventDefinition name="x"/></intermediateThrowEvent>
          </process>
          <process/>
          <collaboration id="c"><participant/><messageFlow id="mf"/></collaboration>
        </definitions>
        """;

    LintOutcome outcome = lint(xml);

    assertThat(outcome.findings()).extracting(Finding::ruleId).contains("fake-branch");
  }
}
