package io.checkup.report;

import io.checkup.stats.StatKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the check-up needs to know about one process definition, worked out once from its model (at
 * deployment, or the first time a report needs it) and stored: the report never parses models.
 *
 * @param flowNodes tasks, events, gateways and sub-processes, at every depth
 * @param kinds the element kinds of the diversity measure
 * @param conditions exclusive gateways that split in two (exactly two outgoing flows)
 * @param multiBranch exclusive gateways with three or more outgoing flows
 * @param cascades cascaded-condition chains
 * @param fakeBranches unfinished branches
 * @param notifications send tasks, message and signal throw events, mail and HTTP connectors
 * @param workDistribution user tasks offered to candidate users or groups
 * @param experiments gateways that split by a random or percentage expression, and elements marked
 *     as experiments
 * @param slaTimers timer boundary events on user tasks
 * @param gateways the branching gateways and their outgoing flows, to find dead branches at run
 *     time
 * @param errors lint findings of severity error that no other indicator counts (deadlocks,
 *     unreachable elements, broken timers...)
 */
public record ModelProfile(
    int flowNodes,
    Set<String> kinds,
    int conditions,
    int multiBranch,
    List<Cascade> cascades,
    List<ElementIssue> fakeBranches,
    int notifications,
    int workDistribution,
    int experiments,
    int slaTimers,
    List<Gateway> gateways,
    List<Problem> errors) {

  /** A lint finding: its rule, the element it is about, and its message. */
  public record Problem(String rule, String elementId, String message) {}

  /**
   * A cascade: its root gateway, every gateway in it, and how many outcomes one merged gateway
   * would have.
   */
  public record Cascade(String root, List<String> gateways, int outcomes) {}

  /** An element with what is wrong with it. */
  public record ElementIssue(String elementId, String message) {}

  /**
   * A branching gateway ({@code exclusiveGateway}, {@code inclusiveGateway}, {@code
   * eventBasedGateway}).
   */
  public record Gateway(String id, String type, List<String> flows) {

    /**
     * How often this gateway ran, by the counts of its flows, and which of its flows it never took
     * when it ran at least {@code minRuns} times (none otherwise: too few runs to tell).
     */
    public DeadFlows neverTaken(Map<String, Long> taken, long minRuns) {
      long runs = 0;
      for (String flow : flows) {
        long count = taken(taken, flow);
        // an inclusive gateway may take several flows per run: its busiest flow is a lower bound of
        // its runs
        runs = type.equals("inclusiveGateway") ? Math.max(runs, count) : runs + count;
      }
      if (runs < minRuns) {
        return new DeadFlows(runs, List.of());
      }
      List<String> dead = new ArrayList<>();
      for (String flow : flows) {
        if (taken(taken, flow) == 0) {
          dead.add(flow);
        }
      }
      return new DeadFlows(runs, dead);
    }

    /** Whether a flow of this gateway was never taken by these counts. */
    boolean anyNeverTaken(Map<String, Long> taken) {
      for (String flow : flows) {
        if (taken(taken, flow) == 0) {
          return true;
        }
      }
      return false;
    }

    /** A flow's count, the counts being keyed as the statistics store flow ids. */
    private static long taken(Map<String, Long> taken, String flow) {
      return taken.getOrDefault(StatKey.storedDimension(flow), 0L);
    }
  }

  /** A gateway's runs, and the flows it never took when it ran often enough to tell. */
  public record DeadFlows(long runs, List<String> flows) {}
}
