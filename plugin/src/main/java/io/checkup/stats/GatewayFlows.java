package io.checkup.stats;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * The flows a gateway leaves by, counted at the gateway's end instead of at each flow's take.
 *
 * <p>The engine leaves an activity by its chosen flows in one step: it notes them on the execution
 * ({@code transitionsToTake}), runs the activity's end listeners, and only then takes each flow,
 * one listener step per listener on the flow. With the engine's metrics on (the default) every
 * gateway already has the engine's listener on its end, so counting the noted flows there costs no
 * step of its own, where a listener on each flow cost one step per flow taken. The count is the
 * same: the flows noted are the flows taken, in the same command. An execution that ends at a
 * gateway without leaving it (a token joined into another at a parallel or inclusive join) notes no
 * flow and counts none.
 *
 * <p>Two cases keep a listener on the flow's take (see {@code StatsParseListener}): a gateway that
 * continues asynchronously after its end takes its flows in a job of its own, later or never; and
 * the flows of an event-based gateway are counted at the end of the catch event that won.
 */
final class GatewayFlows implements SharedDispatch.Tally {

  private PvmTransition[] flows = new PvmTransition[0];
  private StatsCollector.Counter[] counters = new StatsCollector.Counter[0];

  /**
   * Counts {@code flow} with {@code counter} whenever the gateway leaves by it. Parse time only.
   */
  void add(PvmTransition flow, StatsCollector.Counter counter) {
    PvmTransition[] moreFlows = Arrays.copyOf(flows, flows.length + 1);
    StatsCollector.Counter[] moreCounters = Arrays.copyOf(counters, counters.length + 1);
    moreFlows[flows.length] = flow;
    moreCounters[counters.length] = counter;
    counters = moreCounters;
    flows = moreFlows;
  }

  @Override
  public void count(StatsCollector collector, DelegateExecution execution, String tenantId) {
    if (!(execution instanceof PvmExecutionImpl leaving)) {
      return;
    }
    List<PvmTransition> taken = leaving.getTransitionsToTake();
    if (taken == null) {
      return;
    }
    for (int t = 0; t < taken.size(); t++) {
      PvmTransition flow = taken.get(t);
      for (int i = 0; i < flows.length; i++) {
        if (flows[i] == flow) {
          collector.record(counters[i], tenantId);
          break;
        }
      }
    }
  }
}
