package io.checkup.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the report learned about one tenant, before any norm is applied. */
final class TenantFacts {

  /** A process definition (one version). */
  record Definition(
      String id,
      String tenantId,
      String key,
      String name,
      int version,
      boolean suspended,
      String deploymentId,
      String resourceName,
      Long deployTime) {}

  /** A count with the first few of the things counted. */
  static final class Listed {
    long count;
    final List<Map<String, Object>> items = new ArrayList<>();
  }

  final String tenantId;
  String name;

  /** Latest version per process key. */
  final Map<String, Definition> latest = new LinkedHashMap<>();

  /** The first deployment still stored of each process key (of any version). */
  final Map<String, Long> keyFirstDeployed = new HashMap<>();

  Long firstDeployment;
  Long lastChange;

  /**
   * When the first daily snapshot of the last 31 days that holds this tenant was written (it
   * existed then), epoch milliseconds; null when none holds it.
   */
  Long firstSnapshotted;

  /** The tenant's users, or null when the identity service's tables cannot tell. */
  Set<String> users;

  final Map<LocalDate, Long> launchesPerDay = new TreeMap<>();

  /** Launches in the hours of the day 7 days ago that still belong to the last 168 hours. */
  long launchesWeekEdge;

  final Set<String> activeKeys = new HashSet<>();
  long actions24h;
  long tasksCreated7d;
  final Set<String> assignees30d = new HashSet<>();

  /** Flow counts of the last 30 days per process key and flow id. */
  final Map<String, Map<String, Long>> flows30d = new HashMap<>();

  /**
   * For process keys whose latest version was deployed in the last 30 days: their flow counts since
   * the day after that deployment, which replace {@link #flows30d} for the dead-branch question.
   */
  final Map<String, Map<String, Long>> flowsSinceDeployment = new HashMap<>();

  final Listed incidents = new Listed();
  final Listed stuck = new Listed();
  final Listed overdue = new Listed();
  final Listed unassigned = new Listed();

  TenantFacts(String tenantId) {
    this.tenantId = tenantId;
  }
}
