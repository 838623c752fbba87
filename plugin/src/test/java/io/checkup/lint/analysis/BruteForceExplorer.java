package io.checkup.lint.analysis;

import io.checkup.lint.analysis.RandomModel.Flow;
import io.checkup.lint.analysis.RandomModel.Node;
import io.checkup.lint.analysis.RandomModel.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every reachable state of a {@link RandomModel}, with token counts, written apart from the
 * linter's analysis and without its reductions: the reference the property tests compare with. A
 * state counts the tokens on each flow and in each running activity that has boundary events, and
 * remembers which non-interrupting events have fired (once each).
 */
final class BruteForceExplorer {

  /** States explored before the explorer gives up (the property then skips the model). */
  static final int MAX_STATES = 20_000;

  /** What the exploration found; {@code complete} is false when it gave up. */
  record Verdict(boolean deadlock, boolean duplicate, int states, boolean complete) {}

  private final RandomModel model;
  private final List<Flow> flows;
  private final List<Node> nodes;
  private final Map<Node, List<Flow>> incomingOf = new HashMap<>();
  private final Map<Node, List<Flow>> outgoingOf = new HashMap<>();
  private final Map<Node, List<Node>> boundariesOf = new HashMap<>();
  private final Map<Flow, Integer> flowIndex = new HashMap<>();
  private final Map<Node, Integer> nodeIndex = new HashMap<>();
  private boolean duplicate;

  private BruteForceExplorer(RandomModel model) {
    this.model = model;
    this.flows = model.flows;
    this.nodes = model.nodes;
    for (Node node : nodes) {
      incomingOf.put(node, model.incoming(node));
      outgoingOf.put(node, model.outgoing(node));
      boundariesOf.put(node, model.boundaries(node));
      nodeIndex.put(node, nodeIndex.size());
    }
    for (Flow flow : flows) {
      flowIndex.put(flow, flowIndex.size());
    }
  }

  private int index(Flow flow) {
    return flowIndex.get(flow);
  }

  static Verdict explore(RandomModel model) {
    return new BruteForceExplorer(model).run();
  }

  // a state: flows.size() token counts, then nodes.size() running counts, nodes.size() fired flags,
  // nodes.size() flags of merges passed by a token while another that may still come was under way,
  // and flows.size() counts of tokens waiting at an inclusive join by a flow
  private Verdict run() {
    int size = 2 * flows.size() + 3 * nodes.size();
    Set<String> seen = new HashSet<>();
    ArrayDeque<int[]> queue = new ArrayDeque<>();
    for (Node start : nodes) {
      if (start.type == Type.START) {
        int[] state = new int[size];
        for (Flow out : outgoingOf.get(start)) {
          state[index(out)]++;
        }
        queue.add(state);
      }
    }
    boolean deadlock = false;
    while (!queue.isEmpty()) {
      if (seen.size() > MAX_STATES) {
        return new Verdict(deadlock, duplicate, seen.size(), false);
      }
      int[] state = queue.poll();
      if (!seen.add(Arrays.toString(state))) {
        continue;
      }
      if (overfull(state)) {
        duplicate = true; // two tokens of one occurrence in one place: not explored further
        continue;
      }
      List<int[]> next = successors(state);
      if (next.isEmpty() && hasTokens(state)) {
        deadlock = true;
      }
      queue.addAll(next);
    }
    return new Verdict(deadlock, duplicate, seen.size(), true);
  }

  private boolean overfull(int[] state) {
    for (int i = 0; i < flows.size() + nodes.size(); i++) {
      if (state[i] > 1) {
        return true;
      }
    }
    for (Flow flow : flows) {
      if (state[arrived(flow)] > 1) {
        return true;
      }
    }
    return false;
  }

  private boolean hasTokens(int[] state) {
    for (int i = 0; i < flows.size() + nodes.size(); i++) {
      if (state[i] > 0) {
        return true;
      }
    }
    for (Flow flow : flows) {
      if (state[arrived(flow)] > 0) {
        return true;
      }
    }
    return false;
  }

  private int running(Node node) {
    return flows.size() + nodeIndex.get(node);
  }

  private int fired(Node node) {
    return flows.size() + nodes.size() + nodeIndex.get(node);
  }

  private int armed(Node node) {
    return flows.size() + 2 * nodes.size() + nodeIndex.get(node);
  }

  /** A token that has arrived at an inclusive join by this flow and waits there. */
  private int arrived(Flow flow) {
    return flows.size() + 3 * nodes.size() + index(flow);
  }

  /**
   * The next states, as Camunda 7 moves tokens: a token that is not at a wait state (a message
   * catch, a sub-process) moves on in its transaction, so a wait state is left only when no other
   * token can move.
   */
  private List<int[]> successors(int[] state) {
    List<int[]> now = new ArrayList<>();
    List<int[]> later = new ArrayList<>();
    for (Node node : nodes) {
      List<Flow> in = incomingOf.get(node);
      switch (node.type) {
        case AND -> {
          if (!in.isEmpty() && in.stream().allMatch(f -> state[index(f)] > 0)) {
            int[] next = state.clone();
            in.forEach(f -> next[index(f)]--);
            emit(next, node, now);
          }
        }
        case OR -> {
          // Camunda asks the join when a token arrives, and only then: as many tokens waiting as
          // incoming flows fires it, or no other token that can still come; else the token waits
          for (Flow f : in) {
            if (state[index(f)] > 0) {
              int[] next = state.clone();
              next[index(f)]--;
              next[arrived(f)]++;
              boolean full = in.stream().allMatch(g -> next[arrived(g)] > 0);
              if (in.size() < 2 || full || !othersCanReach(next, node)) {
                in.forEach(g -> next[arrived(g)] = 0);
                if (passes(next, node, null)) {
                  emit(next, node, now);
                }
              } else {
                now.add(next);
              }
            }
          }
        }
        default -> {
          for (Flow f : in) {
            if (state[index(f)] > 0) {
              int[] next = state.clone();
              next[index(f)]--;
              if (!passes(next, node, f)) {
                continue;
              }
              if (!boundariesOf.get(node).isEmpty()) {
                next[running(node)]++;
                now.add(next);
              } else {
                emit(next, node, waits(node) ? later : now);
              }
            }
          }
        }
      }
      if (state[running(node)] > 0) {
        List<int[]> result = waits(node) ? later : now;
        int[] done = state.clone();
        done[running(node)]--;
        emit(done, node, result);
        for (Node boundary : boundariesOf.get(node)) {
          if (boundary.cancel) {
            int[] next = state.clone();
            next[running(node)]--;
            outgoingOf.get(boundary).forEach(f -> next[index(f)]++);
            result.add(next);
          } else if (state[fired(boundary)] == 0) {
            int[] next = state.clone();
            next[fired(boundary)] = 1;
            outgoingOf.get(boundary).forEach(f -> next[index(f)]++);
            result.add(next);
          }
        }
      }
    }
    List<int[]> result = now.isEmpty() ? later : now;
    result.forEach(this::disarm);
    return result;
  }

  /** Message catch events, event-based gateways and sub-processes wait; the rest runs through. */
  private static boolean waits(Node node) {
    return node.type == Type.CATCH
        || node.type == Type.SUB_PROCESS
        || node.type == Type.EVENT_GATEWAY;
  }

  private boolean isMerge(Node node) {
    return incomingOf.get(node).size() > 1
        && node.type != Type.AND
        && node.type != Type.END
        && node.type != Type.START;
  }

  /**
   * A token passes a merge (its own token already taken from {@code next}): false when another of
   * its occurrence passed it before (the explorer notes the double and goes no further there), not
   * the one that passed it coming round a loop by a flow after it; otherwise the merge remembers a
   * pass while another token that may still come is under way.
   */
  private boolean passes(int[] next, Node node, Flow via) {
    if (!isMerge(node)) {
      return true;
    }
    boolean round =
        via != null && (via.source == node || closure(node, false).contains(via.source));
    if (next[armed(node)] > 0 && !round) {
      duplicate = true;
      return false;
    }
    if (mayStillCome(next, node)) {
      next[armed(node)] = 1;
    }
    return true;
  }

  /** A merge forgets a pass once no token that may still come is under way. */
  private void disarm(int[] state) {
    for (Node node : nodes) {
      if (isMerge(node) && state[armed(node)] > 0 && !mayStillCome(state, node)) {
        state[armed(node)] = 0;
      }
    }
  }

  /**
   * A token on a flow, or in a running activity, from which the merge can be reached (along flows
   * and boundary events) but which cannot be reached from the merge.
   */
  private boolean mayStillCome(int[] state, Node merge) {
    Set<Node> before = closure(merge, true);
    Set<Node> after = closure(merge, false);
    for (int i = 0; i < flows.size(); i++) {
      Flow f = flows.get(i);
      if ((state[i] > 0 || state[arrived(f)] > 0)
          && (f.target == merge || before.contains(f.target))
          && !(after.contains(f.source) || f.source == merge)) {
        return true;
      }
    }
    for (Node node : before) {
      if (state[running(node)] > 0 && !after.contains(node)) {
        return true;
      }
    }
    return false;
  }

  /** The nodes from which {@code from} is reached (backwards), or that it reaches. */
  private Set<Node> closure(Node from, boolean backwards) {
    Set<Node> seen = new HashSet<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      List<Node> next = new ArrayList<>();
      if (backwards) {
        incomingOf.get(node).forEach(f -> next.add(f.source));
        if (node.type == Type.BOUNDARY) {
          next.add(node.attachedTo);
        }
      } else {
        outgoingOf.get(node).forEach(f -> next.add(f.target));
        next.addAll(boundariesOf.get(node));
      }
      for (Node n : next) {
        if (n != null && seen.add(n)) {
          queue.add(n);
        }
      }
    }
    return seen;
  }

  /** The node leaves: one state per set of outgoing flows it may take. */
  private void emit(int[] consumed, Node node, List<int[]> result) {
    List<Flow> out = outgoingOf.get(node);
    if (node.type == Type.XOR || node.type == Type.EVENT_GATEWAY) {
      if (out.isEmpty()) {
        result.add(consumed);
      }
      for (Flow f : out) {
        int[] next = consumed.clone();
        next[index(f)]++;
        result.add(next);
      }
      return;
    }
    if (node.type == Type.AND) {
      int[] next = consumed.clone();
      out.forEach(f -> next[index(f)]++);
      result.add(next);
      return;
    }
    // inclusive gateways and activities: every unconditional flow, any conditional ones, the
    // default only when nothing else is taken
    List<Flow> always = out.stream().filter(f -> !f.conditional && !f.isDefault).toList();
    List<Flow> conditional = out.stream().filter(f -> f.conditional && !f.isDefault).toList();
    Flow fallback = out.stream().filter(f -> f.isDefault).findFirst().orElse(null);
    for (int subset = 0; subset < 1 << conditional.size(); subset++) {
      if (subset == 0 && always.isEmpty() && (fallback != null || !conditional.isEmpty())) {
        continue;
      }
      int[] next = consumed.clone();
      always.forEach(f -> next[index(f)]++);
      for (int k = 0; k < conditional.size(); k++) {
        if ((subset & 1 << k) != 0) {
          next[index(conditional.get(k))]++;
        }
      }
      result.add(next);
    }
    if (fallback != null && always.isEmpty()) {
      int[] next = consumed.clone();
      next[index(fallback)]++;
      result.add(next);
    }
  }

  /**
   * Camunda's inclusive join waits while a token elsewhere can still reach it: on a flow or in a
   * running activity with a path to it along outgoing flows that does not pass it (Camunda's
   * reachability never goes through an activity's boundary events).
   */
  private boolean othersCanReach(int[] state, Node join) {
    Set<Node> before = new HashSet<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Flow f : incomingOf.get(join)) {
      queue.add(f.source);
    }
    while (!queue.isEmpty()) {
      Node node = queue.poll();
      if (node == join || !before.add(node)) {
        continue;
      }
      incomingOf.get(node).forEach(f -> queue.add(f.source));
    }
    for (int i = 0; i < flows.size(); i++) {
      Flow f = flows.get(i);
      // on its way (to this join too), or waiting at another inclusive join before it
      if ((state[i] > 0 && (f.target == join || before.contains(f.target)))
          || (state[arrived(f)] > 0 && f.target != join && before.contains(f.target))) {
        return true;
      }
    }
    for (Node node : before) {
      if (state[running(node)] > 0) {
        return true;
      }
    }
    return false;
  }
}
