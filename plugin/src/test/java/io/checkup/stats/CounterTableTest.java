package io.checkup.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables a command counts into and its thread's committed counts are added up from. */
class CounterTableTest {

  private static StatsCollector.Counter[] counters(int count) {
    StatsCollector.Counter[] counters = new StatsCollector.Counter[count];
    for (int i = 0; i < count; i++) {
      counters[i] = new StatsCollector.Counter("invoice", Metric.ACTIVITY_ENDED, "task" + i);
    }
    return counters;
  }

  private static Map<StatsCollector.Counter, Long> contents(CounterTable table) {
    Map<StatsCollector.Counter, Long> contents = new IdentityHashMap<>();
    table.forEach((counter, count) -> contents.merge(counter, count, Long::sum));
    return contents;
  }

  @Test
  void countsEveryCounterApartThroughGrowthAndAddsTablesTogether() {
    StatsCollector.Counter[] counters = counters(3_000);
    CounterTable command = new CounterTable();
    CounterTable committed = new CounterTable();
    Map<StatsCollector.Counter, Long> expected = new IdentityHashMap<>();
    // the committed table already holds every third counter; the command counts them all, some
    // often, so both tables grow several times over
    for (int i = 0; i < counters.length; i += 3) {
      committed.add(counters[i], 7);
      expected.merge(counters[i], 7L, Long::sum);
    }
    for (int i = 0; i < counters.length; i++) {
      for (int n = 0; n <= i % 4; n++) {
        command.add(counters[i], 1);
        expected.merge(counters[i], 1L, Long::sum);
      }
    }

    command.addInto(committed);

    assertThat(contents(committed)).hasSize(3_000).containsExactlyInAnyOrderEntriesOf(expected);
    // a counter made again for the same key stays apart until the flush adds the keys up
    StatsCollector.Counter again =
        new StatsCollector.Counter("invoice", Metric.ACTIVITY_ENDED, "task0");
    committed.add(again, 5);
    assertThat(contents(committed)).hasSize(3_001).containsEntry(again, 5L);
  }

  @Test
  void aClearedTableIsEmptyAndCountsAfresh() {
    StatsCollector.Counter[] counters = counters(2_000);
    CounterTable table = new CounterTable();
    for (StatsCollector.Counter counter : counters) {
      table.add(counter, 2);
    }
    table.clear(); // grown past 1,024 slots: made small again

    assertThat(table.isEmpty()).isTrue();
    assertThat(contents(table)).isEmpty();
    table.add(counters[5], 1);
    table.add(counters[5], 1);
    table.add(counters[6], 3);
    Map<StatsCollector.Counter, Long> expected = new HashMap<>();
    expected.put(counters[5], 2L);
    expected.put(counters[6], 3L);
    assertThat(contents(table)).containsExactlyInAnyOrderEntriesOf(expected);
  }
}
