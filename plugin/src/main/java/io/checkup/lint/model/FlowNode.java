package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/** An event, activity or gateway, with its flows resolved the way the engine resolves them. */
public final class FlowNode extends BpmnElement {

  private final Scope scope;
  private final int order;
  final List<SequenceFlow> incoming = new ArrayList<>(2);
  final List<SequenceFlow> outgoing = new ArrayList<>(2);
  // most nodes have none of these: each is a shared empty list until the graph builder adds one
  private List<FlowNode> boundaryEvents = List.of();
  private List<String> eventDefinitions = List.of();
  FlowNode attachedTo;
  Scope innerScope;

  /**
   * Link pairing: a throw event's catch events in the same scope, or a catch event's throw events.
   */
  private List<FlowNode> linkPartners = List.of();

  // what the node is, worked out once: rules ask these questions for every node, many times
  private static final int EVENT = 1;
  private static final int GATEWAY = 1 << 1;
  private static final int ACTIVITY = 1 << 2;
  private static final int TASK = 1 << 3;
  private static final int SUB_PROCESS = 1 << 4;
  private static final int TRIGGERED_BY_EVENT = 1 << 5;
  private static final int FOR_COMPENSATION = 1 << 6;
  private final int kind;
  private final int indexInScope;
  private List<XmlNode> eventDefinitionElements;

  FlowNode(XmlNode xml, Scope scope, int order, int indexInScope) {
    super(xml);
    this.scope = scope;
    this.order = order;
    this.indexInScope = indexInScope;
    this.kind =
        kindOf(xml.localName())
            | (XmlNode.isTrue(xml.attr("triggeredByEvent")) ? TRIGGERED_BY_EVENT : 0)
            | (XmlNode.isTrue(xml.attr("isForCompensation")) ? FOR_COMPENSATION : 0);
  }

  void addBoundaryEvent(FlowNode event) {
    boundaryEvents = added(boundaryEvents, event);
  }

  void addEventDefinition(String kind) {
    eventDefinitions = added(eventDefinitions, kind);
  }

  void addLinkPartner(FlowNode partner) {
    linkPartners = added(linkPartners, partner);
  }

  private static <T> List<T> added(List<T> list, T item) {
    List<T> growing = list.isEmpty() ? new ArrayList<>(2) : list;
    growing.add(item);
    return growing;
  }

  @Override
  public String processId() {
    return scope.process().id();
  }

  /** The scope (process or sub-process) this node is a direct child of. */
  public Scope scope() {
    return scope;
  }

  /** True for the local name of any BPMN flow node (event, activity, gateway). */
  static boolean isFlowNodeType(String type) {
    return kindOf(type) != 0;
  }

  private static int kindOf(String type) {
    return switch (type) {
      case "startEvent",
          "endEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "implicitThrowEvent" ->
          EVENT;
      case "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "complexGateway" ->
          GATEWAY;
      case "task",
          "userTask",
          "serviceTask",
          "sendTask",
          "receiveTask",
          "scriptTask",
          "businessRuleTask",
          "manualTask" ->
          ACTIVITY | TASK;
      case "subProcess", "transaction", "adHocSubProcess" -> ACTIVITY | SUB_PROCESS;
      case "callActivity" -> ACTIVITY;
      default -> 0;
    };
  }

  /**
   * Position among the flow nodes of its scope ({@code scope().flowNodes().get(indexInScope()) ==
   * this}).
   */
  public int indexInScope() {
    return indexInScope;
  }

  /** Position in document order, for stable ordering of findings. */
  public int order() {
    return order;
  }

  /** Sequence flows whose {@code targetRef} is this node. */
  public List<SequenceFlow> incoming() {
    return incoming;
  }

  /** Sequence flows whose {@code sourceRef} is this node. */
  public List<SequenceFlow> outgoing() {
    return outgoing;
  }

  /** Boundary events attached to this activity. */
  public List<FlowNode> boundaryEvents() {
    return boundaryEvents;
  }

  /**
   * For a boundary event: the activity it is attached to (null if {@code attachedToRef} is broken).
   */
  public FlowNode attachedTo() {
    return attachedTo;
  }

  public String attachedToRef() {
    return xml.attr("attachedToRef");
  }

  /** For a sub-process, transaction or ad-hoc sub-process: its content. */
  public Scope innerScope() {
    return innerScope;
  }

  /**
   * Event definition kinds ("timer", "message", ...), from inline definitions and {@code
   * eventDefinitionRef}s; empty for a none event.
   */
  public List<String> eventDefinitions() {
    return eventDefinitions;
  }

  public boolean hasEventDefinition(String kind) {
    return eventDefinitions.contains(kind);
  }

  /** The single event definition kind, "none" without one, "multiple" with several. */
  public String eventKind() {
    return eventDefinitions.isEmpty()
        ? "none"
        : eventDefinitions.size() == 1 ? eventDefinitions.get(0) : "multiple";
  }

  /** Inline event definition elements (not those referenced by {@code eventDefinitionRef}). */
  public List<XmlNode> eventDefinitionElements() {
    if (eventDefinitionElements == null) {
      List<XmlNode> found = new ArrayList<>(1);
      if ((kind & EVENT) != 0) {
        for (XmlNode child : xml.children()) {
          if (Bpmn.MODEL_NS.equals(child.namespace())
              && Bpmn.EVENT_DEFINITIONS.contains(child.localName())) {
            found.add(child);
          }
        }
      }
      eventDefinitionElements = found;
    }
    return eventDefinitionElements;
  }

  /**
   * The event's one inline event definition when it is of this kind ({@code
   * "cancelEventDefinition"}), or null: none, another kind, or several (of which the engine reads
   * only the one it looks for first).
   */
  public XmlNode onlyEventDefinition(String localName) {
    List<XmlNode> definitions = eventDefinitionElements();
    return definitions.size() == 1 && definitions.get(0).localName().equals(localName)
        ? definitions.get(0)
        : null;
  }

  /**
   * {@link #onlyEventDefinition(String)} of an event of an executable process (one the engine
   * parses), or null.
   */
  public XmlNode executableEventDefinition(String localName) {
    return isEvent() && scope().isExecutable() ? onlyEventDefinition(localName) : null;
  }

  public List<FlowNode> linkPartners() {
    return linkPartners;
  }

  /**
   * Where an event stands, for messages: "start event", "boundary event", "catch event", "throw
   * event" or "end event".
   */
  public String eventPosition() {
    if (isStartEvent()) {
      return "start event";
    }
    if (isBoundaryEvent()) {
      return "boundary event";
    }
    if (isEndEvent()) {
      return "end event";
    }
    return isIntermediateThrowEvent() ? "throw event" : "catch event";
  }

  public boolean isEvent() {
    return (kind & EVENT) != 0;
  }

  public boolean isStartEvent() {
    return type().equals("startEvent");
  }

  public boolean isEndEvent() {
    return type().equals("endEvent");
  }

  public boolean isBoundaryEvent() {
    return type().equals("boundaryEvent");
  }

  public boolean isIntermediateCatchEvent() {
    return type().equals("intermediateCatchEvent");
  }

  public boolean isIntermediateThrowEvent() {
    return type().equals("intermediateThrowEvent");
  }

  public boolean isLinkThrow() {
    return isIntermediateThrowEvent() && hasEventDefinition("link");
  }

  public boolean isLinkCatch() {
    return isIntermediateCatchEvent() && hasEventDefinition("link");
  }

  public boolean isGateway() {
    return (kind & GATEWAY) != 0;
  }

  public boolean isExclusiveGateway() {
    return type().equals("exclusiveGateway");
  }

  public boolean isParallelGateway() {
    return type().equals("parallelGateway");
  }

  public boolean isInclusiveGateway() {
    return type().equals("inclusiveGateway");
  }

  public boolean isEventBasedGateway() {
    return type().equals("eventBasedGateway");
  }

  public boolean isActivity() {
    return (kind & ACTIVITY) != 0;
  }

  public boolean isTask() {
    return (kind & TASK) != 0;
  }

  /** Sub-process, transaction or ad-hoc sub-process: an activity with content of its own. */
  public boolean isSubProcess() {
    return (kind & SUB_PROCESS) != 0;
  }

  public boolean isAdHocSubProcess() {
    return type().equals("adHocSubProcess");
  }

  public boolean isEventSubProcess() {
    return (kind & TRIGGERED_BY_EVENT) != 0 && type().equals("subProcess");
  }

  /**
   * {@code triggeredByEvent="true"}, read as bpmn-moddle reads it: only the exact text "true"
   * counts.
   */
  public boolean isTriggeredByEvent() {
    return (kind & TRIGGERED_BY_EVENT) != 0;
  }

  public boolean isCallActivity() {
    return type().equals("callActivity");
  }

  public boolean isForCompensation() {
    return (kind & FOR_COMPENSATION) != 0;
  }

  /**
   * Whether a boundary event interrupts, as Camunda reads {@code cancelActivity}: absent (the
   * schema's default) or {@code true} in any case. Camunda reads the schema's other spelling of
   * true, {@code 1}, as false: such an event runs beside its activity.
   */
  public boolean cancelsActivity() {
    return camundaTrue(xml.attr("cancelActivity"));
  }

  /**
   * Whether an event sub-process's start event interrupts, as Camunda reads {@code isInterrupting}:
   * absent (the schema's default) or {@code true} in any case; {@code 1} is false there too.
   */
  public boolean isInterrupting() {
    return camundaTrue(xml.attr("isInterrupting"));
  }

  private static boolean camundaTrue(String attribute) {
    return attribute == null || attribute.trim().equalsIgnoreCase("true");
  }

  /** A gateway (or other node) with two or more outgoing sequence flows. */
  public boolean isSplit() {
    return outgoing.size() >= 2;
  }

  /** A node with two or more incoming sequence flows. */
  public boolean isJoin() {
    return incoming.size() >= 2;
  }

  public XmlNode multiInstance() {
    return xml.child(Bpmn.MODEL_NS, "multiInstanceLoopCharacteristics");
  }

  public boolean isMultiInstance() {
    return multiInstance() != null;
  }

  public boolean isLoop() {
    return xml.child(Bpmn.MODEL_NS, "standardLoopCharacteristics") != null;
  }

  /** The {@code default} flow of a gateway or activity, or null. */
  public String defaultFlowRef() {
    return xml.attr("default");
  }

  /** Name of a link event's link ({@code linkEventDefinition/@name}), or null. */
  public String linkName() {
    XmlNode definition = xml.child(Bpmn.MODEL_NS, "linkEventDefinition");
    return definition == null ? null : definition.attr("name");
  }
}
