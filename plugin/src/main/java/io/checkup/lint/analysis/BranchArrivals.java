package io.checkup.lint.analysis;

import io.checkup.lint.model.SequenceFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link ScopeAnalysis#branchesReaching}: per sequence flow, the branches of the
 * split it carries. It lives in buffers its analysis reuses, so it is valid only until the next
 * walk of that analysis; reading a stale result throws instead of answering wrongly.
 */
public final class BranchArrivals {

  private final ScopeAnalysis analysis;
  private final int generation;
  private final List<Integer> reached = new ArrayList<>();

  BranchArrivals(ScopeAnalysis analysis, int generation) {
    this.analysis = analysis;
    this.generation = generation;
  }

  void add(int flow, long branchBit) {
    if (analysis.maskStamp[flow] != generation) {
      analysis.maskStamp[flow] = generation;
      analysis.maskBuffer[flow] = 0;
      reached.add(flow);
    }
    analysis.maskBuffer[flow] |= branchBit;
  }

  /** The flows some branch travels along, in the order they were first reached. */
  public List<SequenceFlow> reachedFlows() {
    checkCurrent();
    List<SequenceFlow> flows = new ArrayList<>(reached.size());
    for (int index : reached) {
      flows.add(analysis.walkFlow(index));
    }
    return flows;
  }

  /** Bit i is set when branch i travels along the flow; 0 when no branch does. */
  public long branches(SequenceFlow flow) {
    checkCurrent();
    Integer index = analysis.walkFlowIndexOf(flow);
    return index == null || analysis.maskStamp[index] != generation
        ? 0
        : analysis.maskBuffer[index];
  }

  private void checkCurrent() {
    if (analysis.arrivalsGeneration != generation) {
      throw new IllegalStateException("branch arrivals read after the next walk of the same scope");
    }
  }
}
