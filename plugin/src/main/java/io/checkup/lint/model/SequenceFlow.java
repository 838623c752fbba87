package io.checkup.lint.model;

import io.checkup.lint.PlainText;
import io.checkup.lint.xml.XmlNode;
import java.util.List;
import java.util.function.Function;

/**
 * A sequence flow, connected by its {@code sourceRef}/{@code targetRef} attributes as the engine
 * connects it.
 */
public final class SequenceFlow extends BpmnElement {

  private final Scope scope;
  private FlowNode source;
  private FlowNode target;

  private final String sourceRef;
  private final String targetRef;

  SequenceFlow(XmlNode xml, Scope scope) {
    super(xml);
    this.scope = scope;
    this.sourceRef = xml.attr("sourceRef");
    this.targetRef = xml.attr("targetRef");
  }

  @Override
  public String processId() {
    return scope.process().id();
  }

  public Scope scope() {
    return scope;
  }

  public String sourceRef() {
    return sourceRef;
  }

  public String targetRef() {
    return targetRef;
  }

  /** The source node, or null when {@code sourceRef} is missing or names no flow node. */
  public FlowNode source() {
    return source;
  }

  /** The target node, or null when {@code targetRef} is missing or names no flow node. */
  public FlowNode target() {
    return target;
  }

  private XmlNode conditionExpression;
  private boolean isDefault;

  void connect(FlowNode source, FlowNode target) {
    this.source = source;
    this.target = target;
    this.conditionExpression = xml.child(Bpmn.MODEL_NS, "conditionExpression");
    this.isDefault = source != null && id() != null && id().equals(source.xml().attr("default"));
  }

  /**
   * As {@link BpmnElement#describe()}; a flow without an id is "the flow from 'A' (a) to 'B' (b)".
   */
  @Override
  public String describe() {
    if (id() != null) {
      return super.describe();
    }
    String name = name();
    return (name == null || name.isBlank()
            ? ""
            : "'" + PlainText.oneLine(name.strip(), PlainText.NAME_LENGTH) + "', ")
        + "the flow from "
        + end(source, sourceRef)
        + " to "
        + end(target, targetRef);
  }

  /** "sequence flow Flow_1", or "the flow from 'A' to 'B'" for one without an id. */
  public String describeFlow() {
    return id() != null ? "sequence flow " + describe() : describe();
  }

  /**
   * "sequence flow Flow_1 from 'A' (a)": where a flow comes from, for a reader who is looking at
   * where it ends; "the flow from 'A' to 'B'" for one without an id.
   */
  public String describeFrom() {
    return id() != null ? "sequence flow " + idFrom() : describe();
  }

  /** How many flows {@link #describeFrom(List)} names before it counts the rest. */
  static final int NAMED = 3;

  /**
   * "sequence flow f1 from 'A' (a) and sequence flow f2 from 'B' (b)", each as {@link
   * #describeFrom()}, the first three and then how many more; "a token that never comes" for none.
   */
  public static String describeFrom(List<SequenceFlow> flows) {
    if (flows.isEmpty()) {
      return "a token that never comes";
    }
    return list(flows, SequenceFlow::describeFrom, " more sequence flows");
  }

  /**
   * "f1 to 'Ship' (ship)": where a flow leads, for a reader looking at where it starts; "the flow
   * from 'A' to 'B'" for one without an id.
   */
  public String describeTo() {
    return id() != null && target != null ? describe() + " to " + target.describe() : describe();
  }

  /**
   * "f1 to 'A' (a) and f2 to 'B' (b)", each as {@link #describeTo()}, as many as {@link
   * #describeFrom(List)}.
   */
  public static String describeTo(List<SequenceFlow> flows) {
    return list(flows, SequenceFlow::describeTo, " more");
  }

  /** The first three flows so described, joined as a sentence does, then how many more. */
  private static String list(
      List<SequenceFlow> flows, Function<SequenceFlow, String> description, String more) {
    int named = flows.size() > NAMED + 1 ? NAMED : flows.size();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < named; i++) {
      if (i > 0) {
        text.append(i == flows.size() - 1 ? " and " : ", ");
      }
      text.append(description.apply(flows.get(i)));
    }
    if (named < flows.size()) {
      text.append(" and ").append(flows.size() - named).append(more);
    }
    return text.toString();
  }

  /**
   * "sequence flows f1 from 'A' (a) and f2 from 'B' (b)": where each comes from, since a generated
   * id alone tells a reader nothing; a flow without an id named by its ends.
   */
  public static String describeFlows(SequenceFlow first, SequenceFlow second) {
    if (first.id() != null && second.id() != null) {
      return "sequence flows " + first.idFrom() + " and " + second.idFrom();
    }
    return first.describeFrom() + " and " + second.describeFrom();
  }

  /** "f1 from 'A' (a)", for a flow with an id. */
  private String idFrom() {
    return source != null ? describe() + " from " + source.describe() : describe();
  }

  /** Where the flow leads, named as {@link #describe()} names it: "'B' (b)", or "nowhere". */
  public String describeTarget() {
    return end(target, targetRef);
  }

  private static String end(FlowNode node, String ref) {
    if (node != null) {
      return node.describe();
    }
    return ref == null ? "nowhere" : "'" + PlainText.oneLine(ref, PlainText.NAME_LENGTH) + "'";
  }

  public XmlNode conditionExpression() {
    return conditionExpression;
  }

  public boolean hasCondition() {
    return conditionExpression != null;
  }

  /** True when this flow is its source's {@code default} flow. */
  public boolean isDefault() {
    return isDefault;
  }
}
