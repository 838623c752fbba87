package io.checkup.lint.model;

import io.checkup.lint.PlainText;
import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link BpmnGraph} from a {@code bpmn:definitions} tree. One pass over the tree, then
 * linear resolution.
 */
public final class GraphBuilder {

  private BpmnGraph graph;
  private int order;

  private GraphBuilder() {}

  /**
   * Builds every process of the file, executable or not; at deploy time the engine integration
   * keeps only the findings of the processes the engine actually deploys.
   */
  public static BpmnGraph build(XmlNode definitions) throws NotBpmnException {
    return build(definitions, false);
  }

  /**
   * As {@link #build(XmlNode)}; with {@code camunda8Apart}, the processes of a file made for
   * Camunda 8 count as not executable ({@link Bpmn#isExecutable}): the command line's view of a
   * repository, where the engine deploys what it parses.
   */
  public static BpmnGraph build(XmlNode definitions, boolean camunda8Apart)
      throws NotBpmnException {
    GraphBuilder builder = new GraphBuilder();
    builder.camunda8Apart = camunda8Apart;
    return builder.run(definitions);
  }

  private boolean camunda8Apart;

  /**
   * Where ids repeat (a file Camunda refuses, but one a linter must read well), each scope's own
   * flow nodes by id: a flow or boundary event names a node of its own scope first, as the engine
   * resolves it, so that two processes using the same ids do not wire each other's flows.
   */
  private Map<Scope, Map<String, FlowNode>> byScopeWhereIdsRepeat;

  private BpmnGraph run(XmlNode definitions) throws NotBpmnException {
    if (definitions.localName().equals("definitions") && definitions.namespace().isEmpty()) {
      throw new NotBpmnException(
          "not a BPMN 2.0 file: <definitions> has no namespace; a BPMN model declares"
              + " xmlns=\""
              + Bpmn.MODEL_NS
              + "\"",
          definitions);
    }
    if (!definitions.is(Bpmn.MODEL_NS, "definitions")) {
      throw new NotBpmnException(
          "not a BPMN 2.0 file: the root element is <"
              + definitions.localName()
              + ">"
              + (definitions.namespace().isEmpty()
                  ? ""
                  : " in namespace " + definitions.namespace())
              + ", expected <definitions> in namespace "
              + Bpmn.MODEL_NS,
          definitions);
    }
    graph = new BpmnGraph(definitions);
    for (XmlNode child : definitions.children(Bpmn.MODEL_NS, "process")) {
      Scope process = buildScope(child, Scope.Kind.PROCESS, null, null, 0);
      process.executable = Bpmn.isExecutable(child, definitions, camunda8Apart);
      graph.processes.add(process);
    }
    for (XmlNode collaboration : definitions.children(Bpmn.MODEL_NS, "collaboration")) {
      graph.participants.addAll(collaboration.children(Bpmn.MODEL_NS, "participant"));
      graph.messageFlows.addAll(collaboration.children(Bpmn.MODEL_NS, "messageFlow"));
    }
    connectFlows();
    attachBoundaryEvents();
    resolveEventDefinitions();
    pairLinks();
    return graph;
  }

  private Scope buildScope(XmlNode xml, Scope.Kind kind, Scope parent, FlowNode owner, int depth)
      throws NotBpmnException {
    if (depth > Bpmn.MAX_SUB_PROCESS_DEPTH) {
      throw new NotBpmnException(
          Bpmn.tooDeep(PlainText.oneLine(xml.id(), PlainText.NAME_LENGTH)), xml);
    }
    Scope scope = new Scope(xml, kind, parent, owner);
    if (parent != null) {
      parent.children.add(scope);
    }
    for (XmlNode child : xml.children()) {
      if (!Bpmn.MODEL_NS.equals(child.namespace())) {
        continue;
      }
      String name = child.localName();
      FlowNode node =
          FlowNode.isFlowNodeType(name)
              ? new FlowNode(child, scope, order++, scope.flowNodes.size())
              : null;
      if (node != null) {
        scope.flowNodes.add(node);
        graph.flowNodes.add(node);
        if (node.isEvent()) {
          graph.events.add(node);
        } else if (node.isGateway()) {
          graph.gateways.add(node);
        } else if (name.equals("userTask")) {
          graph.userTasks.add(node);
        }
        if (node.id() != null
            && graph.flowNodesById.putIfAbsent(node.id(), node) != null
            && byScopeWhereIdsRepeat == null) {
          byScopeWhereIdsRepeat = new HashMap<>();
        }
        if (node.isSubProcess()) {
          node.innerScope = buildScope(child, scopeKind(child), scope, node, depth + 1);
        }
      } else if (name.equals("sequenceFlow")) {
        SequenceFlow flow = new SequenceFlow(child, scope);
        scope.sequenceFlows.add(flow);
        graph.sequenceFlows.add(flow);
      } else if (name.equals("association")) {
        scope.associations.add(child);
      } else if (name.equals("laneSet")) {
        collectLanes(child);
      }
    }
    return scope;
  }

  private void collectLanes(XmlNode laneSet) {
    for (XmlNode lane : laneSet.children(Bpmn.MODEL_NS, "lane")) {
      graph.lanes.add(lane);
      for (XmlNode child : lane.children(Bpmn.MODEL_NS, "childLaneSet")) {
        collectLanes(child);
      }
    }
  }

  private static Scope.Kind scopeKind(XmlNode xml) {
    return switch (xml.localName()) {
      case "transaction" -> Scope.Kind.TRANSACTION;
      case "adHocSubProcess" -> Scope.Kind.AD_HOC_SUB_PROCESS;
      default ->
          XmlNode.isTrue(xml.attr("triggeredByEvent"))
              ? Scope.Kind.EVENT_SUB_PROCESS
              : Scope.Kind.SUB_PROCESS;
    };
  }

  private void connectFlows() {
    for (SequenceFlow flow : graph.sequenceFlows) {
      FlowNode source = flowNode(flow.sourceRef(), flow.scope());
      FlowNode target = flowNode(flow.targetRef(), flow.scope());
      flow.connect(source, target);
      if (source != null) {
        source.outgoing.add(flow);
      }
      if (target != null) {
        target.incoming.add(flow);
      }
    }
  }

  /**
   * The flow node with this id; where ids repeat, the one of {@code scope} or else of the nearest
   * scope around it that has one.
   */
  private FlowNode flowNode(String id, Scope scope) {
    FlowNode found = graph.flowNode(id);
    if (found == null || byScopeWhereIdsRepeat == null || found.scope() == scope) {
      return found;
    }
    for (Scope around = scope; around != null; around = around.parent()) {
      FlowNode own = ownFlowNodes(around).get(id);
      if (own != null) {
        return own;
      }
    }
    return found;
  }

  private Map<String, FlowNode> ownFlowNodes(Scope scope) {
    return byScopeWhereIdsRepeat.computeIfAbsent(
        scope,
        s -> {
          Map<String, FlowNode> byId = new HashMap<>();
          for (FlowNode node : s.flowNodes) {
            if (node.id() != null) {
              byId.putIfAbsent(node.id(), node);
            }
          }
          return byId;
        });
  }

  private void attachBoundaryEvents() {
    for (FlowNode node : graph.flowNodes) {
      if (node.isBoundaryEvent()) {
        FlowNode host = flowNode(node.attachedToRef(), node.scope());
        node.attachedTo = host;
        if (host != null) {
          host.addBoundaryEvent(node);
        }
      }
    }
  }

  private void resolveEventDefinitions() {
    for (FlowNode node : graph.flowNodes) {
      if (!node.isEvent()) {
        continue;
      }
      for (XmlNode child : node.xml().children()) {
        if (!Bpmn.MODEL_NS.equals(child.namespace())) {
          continue;
        }
        if (Bpmn.EVENT_DEFINITIONS.contains(child.localName())) {
          node.addEventDefinition(Bpmn.eventDefinitionKind(child.localName()));
        } else if (child.localName().equals("eventDefinitionRef")) {
          XmlNode referenced = graph.element(child.text());
          if (referenced != null && Bpmn.EVENT_DEFINITIONS.contains(referenced.localName())) {
            node.addEventDefinition(Bpmn.eventDefinitionKind(referenced.localName()));
          }
        }
      }
    }
  }

  /** Link throw and catch events pair up by link name within one scope. */
  private void pairLinks() {
    Map<Scope, Map<String, List<FlowNode>>> catches = new HashMap<>();
    List<FlowNode> throwsFound = new ArrayList<>();
    for (FlowNode node : graph.flowNodes) {
      if (node.isLinkCatch() && node.linkName() != null) {
        Map<String, List<FlowNode>> byName = catches.get(node.scope());
        if (byName == null) {
          byName = new HashMap<>();
          catches.put(node.scope(), byName);
        }
        List<FlowNode> named = byName.get(node.linkName());
        if (named == null) {
          named = new ArrayList<>(1);
          byName.put(node.linkName(), named);
        }
        named.add(node);
      } else if (node.isLinkThrow() && node.linkName() != null) {
        throwsFound.add(node);
      }
    }
    for (FlowNode linkThrow : throwsFound) {
      List<FlowNode> partners =
          catches
              .getOrDefault(linkThrow.scope(), Map.of())
              .getOrDefault(linkThrow.linkName(), List.of());
      for (FlowNode linkCatch : partners) {
        linkThrow.addLinkPartner(linkCatch);
        linkCatch.addLinkPartner(linkThrow);
      }
    }
  }
}
