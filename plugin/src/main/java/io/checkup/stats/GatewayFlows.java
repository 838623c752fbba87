package io.checkup.stats;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * The flow a gateway leaves by, counted at the gateway's end instead of at the flow's take.
 *
 * <p>The engine leaves an activity by its chosen flows in one step: it notes them on the execution
 * ({@code transitionsToTake}), runs the activity's end listeners, and then takes them, one listener
 * step per listener on a flow. With the engine's metrics on (the default) every gateway already has
 * the engine's listener on its end, so counting the noted flow there costs no step of its own. Used
 * only where the flow noted is the flow taken, in the same command ({@code StatsParseListener}
 * decides): a gateway that leaves by one flow at a time, does not continue asynchronously, has no
 * end or take listeners but the engine's and the statistics' own, in a process without conditional
 * events. An execution that ends at a gateway without leaving it (a token joined into another, a
 * cancellation) notes no flow and counts none.
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
    if (!(execution instanceof PvmExecutionImpl leaving)
        || leaving.isCanceled()
        || leaving.hasFailedOnEndListeners()) {
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
