package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prepared model rules ask: processes and their scopes, flow nodes with incoming and outgoing
 * flows resolved by {@code sourceRef}/{@code targetRef}, boundary attachments, event definitions
 * and Camunda attributes.
 */
public final class BpmnGraph {

  private final XmlNode definitions;
  final List<Scope> processes = new ArrayList<>();
  final List<FlowNode> flowNodes = new ArrayList<>();
  // the flow nodes of the kinds many rules are about, in document order: a rule about events need
  // not pass over every task (on a cold engine each rule's pass runs in the interpreter)
  final List<FlowNode> events = new ArrayList<>();
  final List<FlowNode> gateways = new ArrayList<>();
  final List<FlowNode> userTasks = new ArrayList<>();
  final List<SequenceFlow> sequenceFlows = new ArrayList<>();
  final Map<String, FlowNode> flowNodesById = new HashMap<>();

  /**
   * Every element by id, and the elements whose id repeats: built on first use, most lint runs
   * never need it.
   */
  private Map<String, XmlNode> elementsById;

  private List<XmlNode> duplicateIds;

  final List<XmlNode> participants = new ArrayList<>(0);
  final List<XmlNode> messageFlows = new ArrayList<>(0);
  final List<XmlNode> lanes = new ArrayList<>(0);
  private final Map<Object, Object> memo = new HashMap<>();
  private Boolean hasSuppressions;

  /** The key of {@link #extensionPrefix()}'s answer among the memoized ones. */
  private static final Object EXTENSION_PREFIX = new Object();

  BpmnGraph(XmlNode definitions) {
    this.definitions = definitions;
  }

  /** The {@code bpmn:definitions} root element. */
  public XmlNode definitions() {
    return definitions;
  }

  /** Participants (pools) of all collaborations. */
  public List<XmlNode> participants() {
    return participants;
  }

  /** Message flows of all collaborations. */
  public List<XmlNode> messageFlows() {
    return messageFlows;
  }

  /** Lanes of all processes and sub-processes, nested lanes included. */
  public List<XmlNode> lanes() {
    return lanes;
  }

  /** Every process of the file, executable or not, in document order. */
  public List<Scope> processes() {
    return processes;
  }

  /**
   * Whether the engine would deploy a process of the file ({@link Scope#isExecutable}): what it
   * reads of the file as a whole (signals, errors, imports, the collaboration) matters only then.
   */
  public boolean hasExecutableProcess() {
    for (Scope process : processes) {
      if (process.isExecutable()) {
        return true;
      }
    }
    return false;
  }

  /** All flow nodes of all built processes, in document order. */
  public List<FlowNode> flowNodes() {
    return flowNodes;
  }

  /** The events among {@link #flowNodes()} (start, end, boundary, intermediate), in their order. */
  public List<FlowNode> events() {
    return events;
  }

  /** The gateways among {@link #flowNodes()}, in their order. */
  public List<FlowNode> gateways() {
    return gateways;
  }

  /** The user tasks among {@link #flowNodes()}, in their order. */
  public List<FlowNode> userTasks() {
    return userTasks;
  }

  public List<SequenceFlow> sequenceFlows() {
    return sequenceFlows;
  }

  public FlowNode flowNode(String id) {
    return id == null ? null : flowNodesById.get(id);
  }

  /** Any element of the file by id (first one where ids repeat), or null. */
  public XmlNode element(String id) {
    if (id == null) {
      return null;
    }
    indexElements();
    return elementsById.get(id);
  }

  /** True when some element of the file carries a {@code checkup:disable} property. */
  public boolean hasSuppressions() {
    if (hasSuppressions == null) {
      Boolean seen = definitions.maySuppress();
      hasSuppressions = seen != null ? seen : search();
    }
    return hasSuppressions;
  }

  /** Looks through the whole tree, for a tree whose builder did not say. */
  private boolean search() {
    boolean[] found = {false};
    definitions.walk(
        node -> {
          found[0] |= node.isSuppression();
          return !found[0];
        });
    return found[0];
  }

  /**
   * Elements of the file (of any namespace, extensions included) whose id an earlier element
   * already has, in document order; {@link #element} gives the first.
   */
  public List<XmlNode> duplicateIds() {
    indexElements();
    return duplicateIds;
  }

  private void indexElements() {
    if (elementsById != null) {
      return;
    }
    Map<String, XmlNode> byId = new HashMap<>();
    List<XmlNode> repeated = new ArrayList<>(0);
    definitions.walk(
        node -> {
          String id = node.id();
          if (id != null && byId.putIfAbsent(id, node) != null) {
            repeated.add(node);
          }
          return true;
        });
    elementsById = byId;
    duplicateIds = repeated;
  }

  /** Every scope of every built process, parents before children. */
  public List<Scope> scopes() {
    List<Scope> all = new ArrayList<>();
    for (Scope process : processes) {
      all.addAll(process.selfAndDescendants());
    }
    return all;
  }

  /**
   * Analysis results shared by several rules during one lint run (reachability, post-dominators of
   * a scope): computed once on first use. A graph belongs to one lint run, so this needs no
   * locking.
   */
  @SuppressWarnings("unchecked")
  public <T> T memoized(Object key) {
    return (T) memo.get(key);
  }

  public void memoize(Object key, Object value) {
    memo.put(key, value);
  }

  /**
   * The prefix a message should give Camunda's extension attributes in this file: {@code operaton}
   * where the file uses Operaton's namespace and not Camunda's (a model written for Operaton), or
   * uses neither and declares Operaton's only (as Operaton's modeler writes a simple model), else
   * {@code camunda}. Walks the whole tree once per lint (then remembered): for messages only, not
   * for decisions.
   */
  public String extensionPrefix() {
    String known = memoized(EXTENSION_PREFIX);
    if (known == null) {
      known = findExtensionPrefix();
      memoize(EXTENSION_PREFIX, known);
    }
    return known;
  }

  private String findExtensionPrefix() {
    boolean operaton = false;
    ArrayDeque<XmlNode> todo = new ArrayDeque<>();
    todo.push(definitions);
    while (!todo.isEmpty()) {
      XmlNode node = todo.pop();
      if (usesNamespace(node, Bpmn.CAMUNDA_NS) || usesNamespace(node, Bpmn.ACTIVITI_NS)) {
        return "camunda";
      }
      operaton |= usesNamespace(node, Bpmn.OPERATON_NS);
      for (XmlNode child : node.children()) {
        todo.push(child);
      }
    }
    if (operaton) {
      return "operaton";
    }
    return definitions.declaresNamespace(Bpmn.OPERATON_NS)
            && !definitions.declaresNamespace(Bpmn.CAMUNDA_NS)
        ? "operaton"
        : "camunda";
  }

  private static boolean usesNamespace(XmlNode node, String namespace) {
    if (node.namespace().equals(namespace)) {
      return true;
    }
    for (int i = 0; i < node.attributeCount(); i++) {
      if (node.attributeNamespace(i).equals(namespace)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Root elements of {@code definitions} with the given local name (message, error, signal,
   * collaboration ...).
   */
  public List<XmlNode> rootElements(String localName) {
    return definitions.children(Bpmn.MODEL_NS, localName);
  }

  /** The ids of the root elements with the given local name: what a reference can name. */
  public Set<String> rootElementIds(String localName) {
    Set<String> ids = new HashSet<>();
    for (XmlNode element : rootElements(localName)) {
      if (element.id() != null) {
        ids.add(element.id());
      }
    }
    return ids;
  }
}
