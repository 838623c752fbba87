package io.checkup.lint.analysis;

import io.checkup.lint.model.FlowNode;
import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The outcomes of an activity as the alternatives of a branch walk: it completes (bit 0, its
 * outgoing flows) or one of its boundary events fires (bit i + 1 for the i-th, that event's flows).
 */
public final class Outcomes {

  private final FlowNode activity;
  private final List<FlowNode> boundaries;

  private Outcomes(FlowNode activity, List<FlowNode> boundaries) {
    this.activity = activity;
    this.boundaries = boundaries;
  }

  /**
   * The outcomes of the activity's boundary events that lead somewhere, the interrupting or the
   * non-interrupting ones: compensation is not an outcome (its handler runs outside the normal
   * flow). At most 62 events, so that every outcome has a bit of its own.
   */
  public static Outcomes of(FlowNode activity, boolean interrupting) {
    List<FlowNode> boundaries = new ArrayList<>();
    for (FlowNode boundary : activity.boundaryEvents()) {
      if (boundary.cancelsActivity() == interrupting
          && !boundary.hasEventDefinition("compensate")
          && !boundary.outgoing().isEmpty()
          && boundaries.size() < 62) {
        boundaries.add(boundary);
      }
    }
    return new Outcomes(activity, boundaries);
  }

  /** The boundary events whose outcomes these are, in the order of their bits. */
  public List<FlowNode> boundaries() {
    return boundaries;
  }

  /** Which outcomes reach which flows (see {@link ScopeAnalysis#branchesReaching}). */
  public BranchArrivals walk(ScopeAnalysis analysis, BitSet stopAt, WorkBudget budget) {
    List<SequenceFlow> firsts = new ArrayList<>(activity.outgoing());
    List<Long> bits = new ArrayList<>();
    for (int i = 0; i < firsts.size(); i++) {
      bits.add(1L);
    }
    for (int i = 0; i < boundaries.size(); i++) {
      for (SequenceFlow flow : boundaries.get(i).outgoing()) {
        firsts.add(flow);
        bits.add(1L << (i + 1));
      }
    }
    long[] bitArray = new long[bits.size()];
    for (int i = 0; i < bitArray.length; i++) {
      bitArray[i] = bits.get(i);
    }
    return analysis.branchesReaching(activity, firsts, bitArray, stopAt, budget);
  }

  /** The first flow of the outcome with this bit number. */
  public SequenceFlow firstFlow(int bit) {
    return (bit == 0 ? activity : boundaries.get(bit - 1)).outgoing().get(0);
  }

  /**
   * True when the non-interrupting event of this bit fires whenever the activity completes (an
   * escalation its sub-process throws on every way to its end): its outcome is not optional.
   */
  public boolean firesOnEveryCompletion(int bit) {
    return bit > 0 && EscalationCatch.firesOnEveryCompletion(boundary(bit));
  }

  /** The boundary event of the outcome with this bit number (1 and up). */
  public FlowNode boundary(int bit) {
    return boundaries.get(bit - 1);
  }
}
