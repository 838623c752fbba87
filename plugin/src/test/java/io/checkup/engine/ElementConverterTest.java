package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.checkup.lint.xml.XmlNode;
import io.checkup.lint.xml.XmlReader;
import io.checkup.testing.TestEngines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's parsed tree, as the linter sees it, matches what the linter's own reader makes of
 * the same file.
 */
class ElementConverterTest {

  private final ProcessEngine engine = TestEngines.h2().build();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void bothReadersGiveTheSameTree() throws Exception {
    byte[] model =
        ElementConverterTest.class.getResourceAsStream("/models/errors.bpmn").readAllBytes();
    Element root = parseWithEngine(new String(model, StandardCharsets.UTF_8));

    XmlNode fromEngine = ElementConverter.convert(root);
    XmlNode fromReader = XmlReader.read(model);

    assertSameTree(fromEngine, fromReader);
  }

  /** The multi-instance rule's fixtures: an empty loop cardinality and one of blanks. */
  @Test
  void bothReadersTellAnEmptyTextFromOneOfBlanks() throws Exception {
    for (String fixture :
        new String[] {"/rules/multi-instance/valid.bpmn", "/rules/multi-instance/invalid.bpmn"}) {
      // not executable, so that the engine's parse builds the tree without refusing the process
      String xml =
          new String(
                  ElementConverterTest.class.getResourceAsStream(fixture).readAllBytes(),
                  StandardCharsets.UTF_8)
              .replace("isExecutable=\"true\"", "isExecutable=\"false\"");
      assertSameTree(
          ElementConverter.convert(parseWithEngine(xml)),
          XmlReader.read(xml.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * An XML declaration written over several lines moves every element down by its line breaks, and
   * the positions say so (the engine's own parser, here the reference, is itself off by one then: a
   * position on the command line is the file's).
   */
  @Test
  void positionsBelowAnXmlDeclarationOfSeveralLinesAreTheFilesOwn() throws Exception {
    String model =
        new String(
            ElementConverterTest.class.getResourceAsStream("/models/errors.bpmn").readAllBytes(),
            StandardCharsets.UTF_8);
    XmlNode oneLine = XmlReader.read(model.getBytes(StandardCharsets.UTF_8));
    for (String lineBreak : new String[] {"\n", "\r\n", "\r"}) {
      String split =
          model.replaceFirst(
              "^<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>",
              "<?xml" + lineBreak + "  version=\"1.0\"" + lineBreak + "  encoding=\"UTF-8\"?>");
      assertThat(split).as("declaration rewritten").isNotEqualTo(model);

      assertShifted(oneLine, XmlReader.read(split.getBytes(StandardCharsets.UTF_8)), 2);
    }
  }

  private static void assertShifted(XmlNode before, XmlNode after, int lines) {
    assertThat(after.line()).as(after + " line").isEqualTo(before.line() + lines);
    assertThat(after.column()).as(after + " column").isEqualTo(before.column());
    assertThat(after.children()).hasSameSizeAs(before.children());
    for (int i = 0; i < before.children().size(); i++) {
      assertShifted(before.children().get(i), after.children().get(i), lines);
    }
  }

  @Test
  void attributesReadDirectlyEqualThoseReadThroughTheAccessors() throws Exception {
    byte[] model =
        ElementConverterTest.class.getResourceAsStream("/models/warnings.bpmn").readAllBytes();
    Deque<Element> pending = new ArrayDeque<>();
    pending.push(parseWithEngine(new String(model, StandardCharsets.UTF_8)));
    int compared = 0;
    while (!pending.isEmpty()) {
      Element element = pending.pop();
      assertThat(triples(ElementConverter.attributesOf(element)))
          .isEqualTo(triples(ElementConverter.attributesViaAccessors(element)));
      compared++;
      element.elements().forEach(pending::push);
    }
    assertThat(compared).isGreaterThan(10);
  }

  private Element parseWithEngine(String xml) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    BpmnParser parser =
        configuration.getDeployers().stream()
            .filter(BpmnDeployer.class::isInstance)
            .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
            .findFirst()
            .orElseThrow();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              DeploymentEntity deployment = new DeploymentEntity();
              deployment.setId("test");
              deployment.setNew(false); // parse only
              return parser
                  .createParse()
                  .sourceString(xml)
                  .deployment(deployment)
                  .name("model.bpmn")
                  .execute()
                  .getRootElement();
            });
  }

  private static void assertSameTree(XmlNode a, XmlNode b) {
    assertThat(a.localName()).isEqualTo(b.localName());
    assertThat(a.namespace()).isEqualTo(b.namespace());
    assertThat(a.line()).as(a + " line").isEqualTo(b.line());
    assertThat(a.column()).as(a + " column").isEqualTo(b.column());
    assertThat(a.text()).isEqualTo(b.text());
    if (a.localName().equals("loopCardinality")) {
      // the engine refuses an empty one and takes one of blanks: both readers must tell them apart
      assertThat(a.blanksOnly()).as(a + " blanks only").isEqualTo(b.blanksOnly());
    }
    // every attribute of the file is there; the engine's validating parser adds the schema's
    // defaults on top
    for (int i = 0; i < b.attributeCount(); i++) {
      assertThat(a.attr(b.attributeNamespace(i), b.attributeName(i)))
          .as(a + " @" + b.attributeName(i))
          .isEqualTo(b.attributeValue(i));
    }
    assertThat(a.children()).hasSameSizeAs(b.children());
    for (int i = 0; i < a.children().size(); i++) {
      assertSameTree(a.children().get(i), b.children().get(i));
    }
  }

  private static Set<String> triples(String[] attributes) {
    Set<String> set = new HashSet<>();
    for (int i = 0; i < attributes.length; i += 3) {
      set.add(Arrays.toString(Arrays.copyOfRange(attributes, i, i + 3)));
    }
    return set;
  }
}
