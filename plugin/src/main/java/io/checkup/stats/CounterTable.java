package io.checkup.stats;

import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * Counts per {@link StatsCollector.Counter}, by identity, in two arrays that are cleared and reused
 * instead of thrown away: the counts of one command, and what one engine thread has committed since
 * the last flush. Its size is bounded by the distinct counters put in, not by the events. Not
 * thread-safe.
 */
final class CounterTable {

  private StatsCollector.Counter[] keys = new StatsCollector.Counter[32];
  private long[] values = new long[32];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  void add(StatsCollector.Counter counter, long amount) {
    int mask = keys.length - 1;
    int i = counter.hash & mask;
    while (true) {
      StatsCollector.Counter key = keys[i];
      if (key == counter) {
        values[i] += amount;
        return;
      }
      if (key == null) {
        keys[i] = counter;
        values[i] = amount;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds every count of this table to {@code into}. */
  void addInto(CounterTable into) {
    forEach(into::add);
  }

  void forEach(ObjLongConsumer<StatsCollector.Counter> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  /** Empties the table for reuse; a table that grew large for one command shrinks again. */
  void clear() {
    if (keys.length > 1024) {
      keys = new StatsCollector.Counter[32];
      values = new long[32];
    } else if (size > 0) {
      Arrays.fill(keys, null);
    }
    size = 0;
  }

  private void grow() {
    StatsCollector.Counter[] oldKeys = keys;
    long[] oldValues = values;
    keys = new StatsCollector.Counter[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }
}
