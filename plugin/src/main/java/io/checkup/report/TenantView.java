package io.checkup.report;

import io.checkup.stats.UtcPeriods;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an indicator reads to measure one tenant: its facts, the profiles of its latest models, the
 * clock of the report and the limits of the configuration, with the few derived values several
 * indicators share.
 */
final class TenantView {

  private final TenantFacts facts;
  private final Map<String, ModelProfile> profiles;
  private final long now;
  private final ReportConfig config;
  private final List<TenantFacts.Definition> active = new ArrayList<>();
  private Set<String> digitized;

  TenantView(TenantFacts facts, Map<String, ModelProfile> profiles, long now, ReportConfig config) {
    this.facts = facts;
    this.profiles = profiles;
    this.now = now;
    this.config = config;
    for (TenantFacts.Definition definition : facts.latest.values()) {
      if (!definition.suspended()) {
        active.add(definition);
      }
    }
  }

  TenantFacts facts() {
    return facts;
  }

  ReportConfig config() {
    return config;
  }

  /** The report's time, epoch milliseconds. */
  long now() {
    return now;
  }

  /** The start of the report's UTC day. */
  long today() {
    return UtcPeriods.dayStart(now);
  }

  /** Members of the tenant, or null when the identity tables cannot tell. */
  Integer users() {
    return facts.users == null ? null : facts.users.size();
  }

  /** Days since the tenant's first deployment, or null without deployments. */
  Integer ageDays() {
    return facts.firstDeployment == null
        ? null
        : (int) UtcPeriods.daysBetween(facts.firstDeployment, now);
  }

  /**
   * Since when the tenant is known to exist, epoch milliseconds: its first deployment, or the
   * writing of the first daily snapshot that holds it, whichever is earlier; null when neither
   * tells (a tenant seen for the first time, without deployments).
   */
  Long knownSince() {
    Long deployed = facts.firstDeployment;
    Long snapshotted = facts.firstSnapshotted;
    if (deployed == null || snapshotted == null) {
      return deployed == null ? snapshotted : deployed;
    }
    return Math.min(deployed, snapshotted);
  }

  /** The latest version of each process key, not suspended. */
  List<TenantFacts.Definition> active() {
    return active;
  }

  /** The profile of a definition, or null when its model could not be read. */
  ModelProfile profile(TenantFacts.Definition definition) {
    return profiles.get(definition.id());
  }

  /** Launches on the UTC day starting at {@code dayStart}. */
  long launchesOn(long dayStart) {
    return facts.launchesPerDay.getOrDefault(UtcPeriods.date(dayStart), 0L);
  }

  /**
   * Launches in the last 168 hours: the 7 days to today, and the edge hours of the day before them.
   */
  long launches7d() {
    long launches = facts.launchesWeekEdge;
    for (int day = 0; day < 7; day++) {
      launches += launchesOn(today() - day * UtcPeriods.DAY);
    }
    return launches;
  }

  /**
   * The users of the tenant who were given a user task in the last 30 days (all who were, when
   * users are unknown).
   */
  Set<String> digitized() {
    if (digitized == null) {
      digitized = new HashSet<>(facts.assignees30d);
      if (facts.users != null) {
        digitized.retainAll(facts.users);
      }
    }
    return digitized;
  }

  /**
   * A list of the elements behind a value: at most the configured number, however many are counted.
   */
  Details details() {
    return new Details(config.detailsLimit());
  }

  /**
   * Lists in {@code details} what {@code items} finds in the profile of each active process, each
   * item naming its process and described further by {@code describe} (made only while there is
   * room), and returns how many of those processes have any.
   */
  <T> long listFromProfiles(
      Details details,
      Function<ModelProfile, List<T>> items,
      BiConsumer<T, Map<String, Object>> describe) {
    long processes = 0;
    for (TenantFacts.Definition definition : active) {
      ModelProfile profile = profile(definition);
      List<T> found = profile == null ? List.of() : items.apply(profile);
      if (!found.isEmpty()) {
        processes++;
      }
      for (T each : found) {
        details.add(
            () -> {
              Map<String, Object> item = process(definition);
              describe.accept(each, item);
              return item;
            });
      }
    }
    return processes;
  }

  /** The details item that names a process definition. */
  static Map<String, Object> process(TenantFacts.Definition definition) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("processKey", definition.key());
    item.put("processName", definition.name());
    item.put("processDefinitionId", definition.id());
    item.put("version", definition.version());
    return item;
  }

  /** A details item of one field. */
  static Map<String, Object> item(String key, Object value) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put(key, value);
    return item;
  }

  /** Counts everything added, keeps the first few. */
  static final class Details {
    private final int limit;
    private final List<Map<String, Object>> items = new ArrayList<>();
    private long count;

    Details(int limit) {
      this.limit = limit;
    }

    /** Counts one; {@code item} is made only while there is room for it. */
    void add(Supplier<Map<String, Object>> item) {
      count++;
      if (items.size() < limit) {
        items.add(item.get());
      }
    }

    Measurement measurement() {
      return Measurement.listing(count, items, count);
    }
  }
}
