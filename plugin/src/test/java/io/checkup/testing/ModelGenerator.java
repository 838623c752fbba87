package io.checkup.testing;

import java.util.Random;

/**
 * Generates BPMN models for robustness tests and benchmarks. Structured models are deployable by
 * Camunda (executable, with conditions, assignees and a time to live), so the same file measures
 * the engine's parse and the linter.
 */
public final class ModelGenerator {

  private static final String HEAD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                   xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                   xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                   xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                   id="generated" targetNamespace="urn:camunda-checkup:generated">
      """;

  private ModelGenerator() {}

  /**
   * A realistic process of about {@code nodes} flow nodes, named and drawn as a modeler leaves it:
   * repeated blocks of a service task, an exclusive decision with a default, a parallel section and
   * a user task with a non-interrupting reminder timer.
   */
  public static String structured(String processId, int nodes) {
    StringBuilder xml = new StringBuilder(HEAD);
    // a diagram like Camunda Modeler writes: a shape per flow node, an edge per flow (the engine
    // reads it too)
    StringBuilder diagram = new StringBuilder();
    xml.append("<process id=\"")
        .append(processId)
        .append("\" isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\">\n");
    xml.append("<startEvent id=\"start\" name=\"Start\"/>\n");
    shape(diagram, "start", 0, 0);
    String previous = "start";
    int count = 1;
    int block = 0;
    while (count < nodes - 1) {
      String b = "b" + block;
      xml.append(
          String.format(
              """
          <serviceTask id="%1$s_prepare" name="Prepare %1$s" camunda:expression="${true}"/>
          <exclusiveGateway id="%1$s_decide" name="Amount?" default="%1$s_toManual"/>
          <serviceTask id="%1$s_auto" name="Approve automatically" camunda:expression="${true}"/>
          <userTask id="%1$s_manual" name="Approve manually" camunda:candidateGroups="clerks"/>
          <exclusiveGateway id="%1$s_merge"/>
          <parallelGateway id="%1$s_fork"/>
          <serviceTask id="%1$s_left" name="Book" camunda:expression="${true}"/>
          <sendTask id="%1$s_right" name="Inform customer" camunda:expression="${true}"/>
          <parallelGateway id="%1$s_join"/>
          <userTask id="%1$s_review" name="Review" camunda:assignee="demo"/>
          <boundaryEvent id="%1$s_reminder" name="4 hours" attachedToRef="%1$s_review" cancelActivity="false">
            <timerEventDefinition><timeDuration>PT4H</timeDuration></timerEventDefinition>
          </boundaryEvent>
          <sendTask id="%1$s_remind" name="Remind reviewer" camunda:expression="${true}"/>
          <endEvent id="%1$s_reminded" name="Reminded"/>
          <sequenceFlow id="%1$s_f0" sourceRef="%2$s" targetRef="%1$s_prepare"/>
          <sequenceFlow id="%1$s_f1" sourceRef="%1$s_prepare" targetRef="%1$s_decide"/>
          <sequenceFlow id="%1$s_toAuto" name="small" sourceRef="%1$s_decide" targetRef="%1$s_auto"><conditionExpression>${amount &lt; 100}</conditionExpression></sequenceFlow>
          <sequenceFlow id="%1$s_toManual" sourceRef="%1$s_decide" targetRef="%1$s_manual"/>
          <sequenceFlow id="%1$s_f2" sourceRef="%1$s_auto" targetRef="%1$s_merge"/>
          <sequenceFlow id="%1$s_f3" sourceRef="%1$s_manual" targetRef="%1$s_merge"/>
          <sequenceFlow id="%1$s_f4" sourceRef="%1$s_merge" targetRef="%1$s_fork"/>
          <sequenceFlow id="%1$s_f5" sourceRef="%1$s_fork" targetRef="%1$s_left"/>
          <sequenceFlow id="%1$s_f6" sourceRef="%1$s_fork" targetRef="%1$s_right"/>
          <sequenceFlow id="%1$s_f7" sourceRef="%1$s_left" targetRef="%1$s_join"/>
          <sequenceFlow id="%1$s_f8" sourceRef="%1$s_right" targetRef="%1$s_join"/>
          <sequenceFlow id="%1$s_f9" sourceRef="%1$s_join" targetRef="%1$s_review"/>
          <sequenceFlow id="%1$s_f10" sourceRef="%1$s_reminder" targetRef="%1$s_remind"/>
          <sequenceFlow id="%1$s_f11" sourceRef="%1$s_remind" targetRef="%1$s_reminded"/>
          """,
              b, previous));
      String[][] layout = {
        {"prepare", "1", "0"},
        {"decide", "2", "0"},
        {"auto", "3", "-1"},
        {"manual", "3", "1"},
        {"merge", "4", "0"},
        {"fork", "5", "0"},
        {"left", "6", "-1"},
        {"right", "6", "1"},
        {"join", "7", "0"},
        {"review", "8", "0"},
        {"reminder", "8", "1"},
        {"remind", "9", "2"},
        {"reminded", "10", "2"}
      };
      for (String[] place : layout) {
        shape(
            diagram,
            b + "_" + place[0],
            block * 10 + Integer.parseInt(place[1]),
            Integer.parseInt(place[2]));
      }
      for (int f = 0; f <= 11; f++) {
        edge(diagram, b + "_f" + f, block * 10 + f, 0);
      }
      edge(diagram, b + "_toAuto", block * 10 + 2, -1);
      edge(diagram, b + "_toManual", block * 10 + 2, 1);
      previous = b + "_review";
      count += 13;
      block++;
    }
    xml.append("<endEvent id=\"end\" name=\"Done\"/>\n");
    xml.append("<sequenceFlow id=\"last\" sourceRef=\"")
        .append(previous)
        .append("\" targetRef=\"end\"/>\n");
    shape(diagram, "end", block * 10 + 1, 0);
    edge(diagram, "last", block * 10, 0);
    xml.append("</process>\n");
    xml.append("<bpmndi:BPMNDiagram id=\"diagram\"><bpmndi:BPMNPlane id=\"plane\" bpmnElement=\"")
        .append(processId)
        .append("\">\n")
        .append(diagram)
        .append("</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>\n");
    return xml.append("</definitions>\n").toString();
  }

  private static void shape(StringBuilder diagram, String element, int column, int row) {
    diagram.append(
        String.format(
            "<bpmndi:BPMNShape id=\"%1$s_di\" bpmnElement=\"%1$s\">"
                + "<dc:Bounds x=\"%2$d\" y=\"%3$d\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>%n",
            element, 150 + column * 150, 300 + row * 120));
  }

  private static void edge(StringBuilder diagram, String flow, int column, int row) {
    int x = 250 + column * 150;
    int y = 340 + row * 120;
    diagram.append(
        String.format(
            "<bpmndi:BPMNEdge id=\"%1$s_di\" bpmnElement=\"%1$s\">"
                + "<di:waypoint x=\"%2$d\" y=\"%3$d\"/><di:waypoint x=\"%4$d\" y=\"%3$d\"/></bpmndi:BPMNEdge>%n",
            flow, x, y, x + 50));
  }

  /**
   * A deployable process with {@code strays} tasks that nothing connects, each named {@code name}:
   * every stray is an error twice over (no-disconnected, unreachable), so one model gives as many
   * findings as a hostile user wants.
   */
  public static String strays(String processId, int strays, String name) {
    return strays(processId, strays, name, false);
  }

  /**
   * As {@link #strays(String, int, String)}; {@code cutOff}: each stray has a flow to the end, so
   * it is unreachable (a lost flow before it) rather than disconnected, and the {@code unreachable}
   * finding names it.
   */
  public static String strays(String processId, int strays, String name, boolean cutOff) {
    StringBuilder xml = new StringBuilder(HEAD);
    xml.append("<process id=\"")
        .append(processId)
        .append("\" isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\">\n")
        .append("<startEvent id=\"start\" name=\"Start\"/><endEvent id=\"end\" name=\"End\"/>\n")
        .append("<sequenceFlow id=\"flow\" sourceRef=\"start\" targetRef=\"end\"/>\n");
    String escaped =
        name.replace("&", "&amp;")
            .replace("\"", "&quot;")
            .replace("<", "&lt;")
            .replace("\n", "&#10;")
            .replace("\r", "&#13;");
    for (int i = 0; i < strays; i++) {
      xml.append("<task id=\"stray")
          .append(i)
          .append("\" name=\"")
          .append(escaped)
          .append("\"/>\n");
      if (cutOff) {
        xml.append("<sequenceFlow id=\"out")
            .append(i)
            .append("\" sourceRef=\"stray")
            .append(i)
            .append("\" targetRef=\"end\"/>\n");
      }
    }
    return xml.append("</process>\n</definitions>\n").toString();
  }

  /** Sub-processes nested {@code depth} levels deep, each with a start, a task and an end. */
  public static String nested(int depth) {
    StringBuilder open = new StringBuilder(HEAD);
    open.append(
        "<process id=\"nested\" isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\">\n");
    StringBuilder close = new StringBuilder();
    for (int level = 0; level < depth; level++) {
      open.append(
          String.format(
              """
          <startEvent id="s%1$d"/><serviceTask id="t%1$d" camunda:expression="${true}"/><endEvent id="e%1$d"/>
          <sequenceFlow id="a%1$d" sourceRef="s%1$d" targetRef="sub%1$d"/>
          <sequenceFlow id="b%1$d" sourceRef="sub%1$d" targetRef="t%1$d"/>
          <sequenceFlow id="c%1$d" sourceRef="t%1$d" targetRef="e%1$d"/>
          <subProcess id="sub%1$d">
          """,
              level));
      close.insert(0, "</subProcess>\n");
    }
    open.append("<startEvent id=\"innermostStart\"/><endEvent id=\"innermostEnd\"/>")
        .append(
            "<sequenceFlow id=\"innermost\" sourceRef=\"innermostStart\" targetRef=\"innermostEnd\"/>\n");
    return open.append(close).append("</process>\n</definitions>\n").toString();
  }

  /**
   * {@code nodes} tasks and gateways wired at random, three flows each: cycles everywhere, islands,
   * nodes flowing into themselves, joins that fork.
   */
  public static String tangled(int nodes, long seed) {
    Random random = new Random(seed);
    String[] types = {
      "task",
      "serviceTask",
      "exclusiveGateway",
      "parallelGateway",
      "inclusiveGateway",
      "eventBasedGateway",
      "intermediateCatchEvent",
      "userTask"
    };
    StringBuilder xml = new StringBuilder(HEAD);
    xml.append("<process id=\"tangled\" isExecutable=\"true\">\n<startEvent id=\"n0\"/>\n");
    for (int i = 1; i < nodes; i++) {
      String type = types[random.nextInt(types.length)];
      xml.append('<').append(type).append(" id=\"n").append(i).append("\"/>\n");
    }
    for (int i = 0; i < nodes * 3; i++) {
      xml.append(
          String.format(
              "<sequenceFlow id=\"f%d\" sourceRef=\"n%d\" targetRef=\"n%d\"/>%n",
              i, random.nextInt(nodes), random.nextInt(nodes)));
    }
    return xml.append("</process>\n</definitions>\n").toString();
  }
}
