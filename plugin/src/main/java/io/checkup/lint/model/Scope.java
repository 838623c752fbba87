package io.checkup.lint.model;

import io.checkup.lint.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A process, sub-process, transaction, ad-hoc sub-process or event sub-process: the unit inside
 * which flow analysis happens. Nested scopes are analysed on their own.
 */
public final class Scope extends BpmnElement {

  /** What kind of container a scope is. */
  public enum Kind {
    PROCESS,
    SUB_PROCESS,
    TRANSACTION,
    AD_HOC_SUB_PROCESS,
    EVENT_SUB_PROCESS
  }

  private final Kind kind;
  private final Scope parent;
  private final FlowNode owner;
  final List<FlowNode> flowNodes = new ArrayList<>();
  final List<SequenceFlow> sequenceFlows = new ArrayList<>();
  final List<Scope> children = new ArrayList<>(0);
  final List<XmlNode> associations = new ArrayList<>(0);

  /** Of a process: whether it is executable ({@link Bpmn#isExecutable}). */
  boolean executable;

  Scope(XmlNode xml, Kind kind, Scope parent, FlowNode owner) {
    super(xml);
    this.kind = kind;
    this.parent = parent;
    this.owner = owner;
  }

  @Override
  public String processId() {
    return process().id();
  }

  public Kind kind() {
    return kind;
  }

  public boolean isProcess() {
    return kind == Kind.PROCESS;
  }

  /** The enclosing scope, null for a process. */
  public Scope parent() {
    return parent;
  }

  /** The sub-process node that holds this scope, null for a process. */
  public FlowNode owner() {
    return owner;
  }

  /** The process this scope belongs to. */
  public Scope process() {
    Scope scope = this;
    while (scope.parent != null) {
      scope = scope.parent;
    }
    return scope;
  }

  /** Flow nodes directly in this scope (not in nested scopes). */
  public List<FlowNode> flowNodes() {
    return flowNodes;
  }

  /** Sequence flows declared directly in this scope. */
  public List<SequenceFlow> sequenceFlows() {
    return sequenceFlows;
  }

  /** Associations (artifacts) declared directly in this scope. */
  public List<XmlNode> associations() {
    return associations;
  }

  /** Directly nested scopes. */
  public List<Scope> children() {
    return children;
  }

  /**
   * True for an executable process ({@code isExecutable="true"}; on the command line not in a file
   * made for Camunda 8); nested scopes answer for their process.
   */
  public boolean isExecutable() {
    return process().executable;
  }

  /** This scope and every scope nested in it, parents before children. */
  public List<Scope> selfAndDescendants() {
    List<Scope> all = new ArrayList<>();
    all.add(this);
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).children);
    }
    return all;
  }

  /** True when this scope is {@code other} or nested inside it. */
  public boolean isWithin(Scope other) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (scope == other) {
        return true;
      }
    }
    return false;
  }
}
