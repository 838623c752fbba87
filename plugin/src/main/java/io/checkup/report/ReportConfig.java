package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The check-up's norms, size classes, profiles, per-tenant settings, risk weights and thresholds:
 * the documented defaults, with whatever the operator's {@link ReportSettings} (a JSON file, inline
 * JSON, or Spring Boot properties under {@code checkup.report.settings}) change, checked once when
 * the engine starts. The structure is documented in docs/report.md.
 */
public final class ReportConfig {

  /**
   * Where the tenant-less part is configured: a key of its own, since any text can be a tenant id.
   */
  public static final String WITHOUT_TENANT = "withoutTenant";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  /**
   * A size class: chosen by the tenant's user count, {@code [minUsers, maxUsers]}, unless set per
   * tenant.
   */
  public record SizeClass(
      String name,
      Integer minUsers,
      Integer maxUsers,
      Map<String, ReportSettings.NormSettings> norms) {
    boolean fits(int users) {
      return (minUsers == null || users >= minUsers) && (maxUsers == null || users <= maxUsers);
    }
  }

  /** What is configured for one tenant. */
  public record TenantSettings(
      String sizeClass,
      String plan,
      String profile,
      Map<String, ReportSettings.NormSettings> norms) {}

  private final Map<Indicator, Norm> norms = new EnumMap<>(Indicator.class);
  private final Map<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
  private final Map<String, SizeClass> sizeClasses = new LinkedHashMap<>();
  private final Map<String, Map<String, ReportSettings.NormSettings>> profiles =
      new LinkedHashMap<>();
  private final Map<String, TenantSettings> tenants = new LinkedHashMap<>();
  private TenantSettings withoutTenant;
  private int healthyFrom = 80;
  private int attentionFrom = 50;
  private double warningMargin = 0.2;
  private int reasons = 3;

  /** Days an instance waits in one step before it counts as stuck, unless configured. */
  public static final int DEFAULT_STUCK_AFTER_DAYS = 30;

  /** Days a user task stays without an assignee before it counts, unless configured. */
  public static final int DEFAULT_UNASSIGNED_AFTER_DAYS = 3;

  /** Runs of a gateway in 30 days before a flow it never took counts as dead, unless configured. */
  public static final long DEFAULT_DEAD_BRANCH_MIN_RUNS = 100;

  private int stuckAfterDays = DEFAULT_STUCK_AFTER_DAYS;
  private int unassignedAfterDays = DEFAULT_UNASSIGNED_AFTER_DAYS;
  private long deadBranchMinRuns = DEFAULT_DEAD_BRANCH_MIN_RUNS;
  private int detailsLimit = 50;
  private int minPeers = 8;

  private ReportConfig() {
    for (Indicator indicator : Indicator.values()) {
      norms.put(indicator, indicator.norm());
      weights.put(indicator, indicator.weight());
    }
    sizeClasses.put(
        "small", new SizeClass("small", null, 9, Map.of("capability.experiments", off())));
    // large from 51 users: there the floor of 200 launches per user alone passes medium's 10,000
    // a week, and with the class starting at 100 no client of 51 to 99 users could meet both norms
    sizeClasses.put("medium", new SizeClass("medium", 10, 50, Map.of()));
    ReportSettings.NormSettings largeLaunches = new ReportSettings.NormSettings();
    largeLaunches.setMin(10_000.0);
    largeLaunches.setMax(100_000.0);
    sizeClasses.put(
        "large", new SizeClass("large", 51, null, Map.of("launches.7d", largeLaunches)));
    ReportSettings.NormSettings callCentreTasks = new ReportSettings.NormSettings();
    callCentreTasks.setMax(400.0);
    profiles.put("call-centre", Map.of("tasks.per-user-7d", callCentreTasks));
  }

  private static ReportSettings.NormSettings off() {
    ReportSettings.NormSettings off = new ReportSettings.NormSettings();
    off.setOff(true);
    return off;
  }

  /** The documented defaults. */
  public static ReportConfig defaults() {
    return new ReportConfig();
  }

  /**
   * The defaults changed by a configuration file's content (JSON) and then by inline JSON; either
   * may be null.
   *
   * @param fileName names the file in error messages
   * @throws IllegalArgumentException naming the file (or "reportConfig") and the key when something
   *     is wrong
   */
  public static ReportConfig load(String fileName, String fileContent, String inlineJson) {
    ReportConfig config = new ReportConfig();
    config.apply(read(fileName, fileContent), fileName);
    config.apply(read("reportConfig", inlineJson), "reportConfig");
    return config;
  }

  /**
   * The defaults changed by a configuration file's content (JSON), then by settings already bound
   * (Spring Boot's {@code checkup.report.settings}).
   *
   * @param source names the settings in error messages
   */
  public static ReportConfig load(
      String fileName, String fileContent, ReportSettings settings, String source) {
    ReportConfig config = new ReportConfig();
    config.apply(read(fileName, fileContent), fileName);
    config.apply(settings, source);
    return config;
  }

  /** JSON text as settings, with mistakes named by file and key. */
  public static ReportSettings read(String source, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String at = "report configuration " + source + ": ";
    try {
      return JSON.readValue(text, ReportSettings.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          at
              + prefix(e)
              + "unknown key '"
              + e.getPropertyName()
              + "' (known: "
              + String.join(
                  ", ",
                  new TreeSet<>(e.getKnownPropertyIds().stream().map(String::valueOf).toList()))
              + ")",
          e);
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException(
          at
              + path(e)
              + " must be "
              + describe(e.getTargetType())
              + ", not "
              + e.getOriginalMessage()
                  .replaceFirst("(?s)^.*from ([^:]*(?:value|String)[^:]*?)(?::.*)?$", "$1"),
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          at
              + "not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ")",
          e);
    }
  }

  private static String prefix(JsonMappingException e) {
    String path = path(e);
    int last = path.lastIndexOf('.');
    return last < 0 ? "" : path.substring(0, last) + ": ";
  }

  /** The dotted path of the field a mapping failed at, e.g. {@code norms.launches.7d.min}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(
          reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
        ? "an object"
        : "a text";
  }

  private void apply(ReportSettings settings, String source) {
    if (settings == null) {
      return;
    }
    String at = "report configuration " + source + ": ";
    normOverrides(settings.getNorms(), at + "norms")
        .forEach(
            (id, override) ->
                norms.put(Indicator.of(id), norms.get(Indicator.of(id)).with(override)));
    checkIndicators(settings.getWeights(), at + "weights");
    settings
        .getWeights()
        .forEach(
            (id, weight) ->
                weights.put(Indicator.of(id), nonNegative(weight, at + "weights." + id)));
    settings
        .getSizeClasses()
        .forEach(
            (name, given) -> {
              String where = at + "sizeClasses." + name;
              SizeClass known = sizeClasses.get(name);
              Integer min =
                  given.given("minUsers")
                      ? optionalNonNegative(given.getMinUsers(), where + ".minUsers")
                      : known == null ? null : known.minUsers();
              Integer max =
                  given.given("maxUsers")
                      ? optionalNonNegative(given.getMaxUsers(), where + ".maxUsers")
                      : known == null ? null : known.maxUsers();
              Map<String, ReportSettings.NormSettings> classNorms =
                  given.getNorms() != null
                      ? normOverrides(given.getNorms(), where + ".norms")
                      : known == null ? Map.of() : known.norms();
              if (min != null && max != null && min > max) {
                throw new IllegalArgumentException(
                    where + ": minUsers " + min + " is more than maxUsers " + max);
              }
              sizeClasses.put(name, new SizeClass(name, min, max, classNorms));
            });
    settings
        .getProfiles()
        .forEach(
            (name, given) ->
                profiles.put(
                    name, normOverrides(given.getNorms(), at + "profiles." + name + ".norms")));
    settings
        .getTenants()
        .forEach(
            (tenant, given) ->
                tenants.put(tenant, tenantSettings(given, at + "tenants." + tenant)));
    if (settings.getWithoutTenant() != null) {
      withoutTenant = tenantSettings(settings.getWithoutTenant(), at + WITHOUT_TENANT);
    }
    if (settings.getRisk() != null) {
      if (settings.getRisk().getHealthy() != null) {
        healthyFrom = nonNegative(settings.getRisk().getHealthy(), at + "risk.healthy");
      }
      if (settings.getRisk().getAttention() != null) {
        attentionFrom = nonNegative(settings.getRisk().getAttention(), at + "risk.attention");
      }
      if (attentionFrom > healthyFrom || healthyFrom > 100) {
        throw new IllegalArgumentException(
            at
                + "risk: expected 0 <= attention <= healthy <= 100, got attention "
                + attentionFrom
                + " and healthy "
                + healthyFrom);
      }
    }
    if (settings.getWarningMargin() != null) {
      warningMargin = settings.getWarningMargin();
      // a negative margin would make every value outside its norm out of norm, silently
      if (!(warningMargin >= 0) || Double.isInfinite(warningMargin)) {
        throw new IllegalArgumentException(
            at
                + "warningMargin must be a share of the bound of at least 0 (0.2 is 20 %), not "
                + warningMargin);
      }
    }
    if (settings.getReasons() != null) {
      reasons = nonNegative(settings.getReasons(), at + "reasons");
    }
    if (settings.getStuckAfterDays() != null) {
      stuckAfterDays = nonNegative(settings.getStuckAfterDays(), at + "stuckAfterDays");
    }
    if (settings.getUnassignedAfterDays() != null) {
      unassignedAfterDays =
          nonNegative(settings.getUnassignedAfterDays(), at + "unassignedAfterDays");
    }
    if (settings.getDeadBranchMinRuns() != null) {
      deadBranchMinRuns =
          nonNegative(settings.getDeadBranchMinRuns().intValue(), at + "deadBranchMinRuns");
    }
    if (settings.getDetailsLimit() != null) {
      detailsLimit = nonNegative(settings.getDetailsLimit(), at + "detailsLimit");
    }
    if (settings.getMinPeers() != null) {
      minPeers = nonNegative(settings.getMinPeers(), at + "minPeers");
    }
  }

  private TenantSettings tenantSettings(ReportSettings.TenantSettings given, String where) {
    String sizeClass = given.getSizeClass();
    if (sizeClass != null && !sizeClasses.containsKey(sizeClass)) {
      throw new IllegalArgumentException(
          where
              + ".sizeClass: unknown size class '"
              + sizeClass
              + "' (known: "
              + String.join(", ", sizeClasses.keySet())
              + ")");
    }
    String profile = given.getProfile();
    if (profile != null && !profiles.containsKey(profile)) {
      throw new IllegalArgumentException(
          where
              + ".profile: unknown profile '"
              + profile
              + "' (known: "
              + String.join(", ", profiles.keySet())
              + ")");
    }
    return new TenantSettings(
        sizeClass, given.getPlan(), profile, normOverrides(given.getNorms(), where + ".norms"));
  }

  private static Map<String, ReportSettings.NormSettings> normOverrides(
      Map<String, ReportSettings.NormSettings> given, String where) {
    if (given == null) {
      return Map.of();
    }
    checkIndicators(given, where);
    given.forEach(
        (id, norm) -> {
          percentile(norm.getMinPercentile(), where + "." + id + ".minPercentile");
          percentile(norm.getMaxPercentile(), where + "." + id + ".maxPercentile");
        });
    return Collections.unmodifiableMap(new LinkedHashMap<>(given));
  }

  private static void checkIndicators(Map<String, ?> byIndicator, String where) {
    for (String id : byIndicator.keySet()) {
      if (Indicator.of(id) == null) {
        throw new IllegalArgumentException(
            where + ": unknown indicator '" + id + "' (see docs/report.md)");
      }
    }
  }

  private static void percentile(Double value, String where) {
    if (value != null && !(value > 0 && value < 100)) {
      throw new IllegalArgumentException(
          where + " must be a percentile above 0 and below 100, not " + value);
    }
  }

  private static int nonNegative(Integer value, String where) {
    if (value == null || value < 0) {
      throw new IllegalArgumentException(
          where + " must be a whole number of at least 0, not " + value);
    }
    return value;
  }

  private static Integer optionalNonNegative(Integer value, String where) {
    return value == null ? null : nonNegative(value, where);
  }

  // ---- what the report asks ----

  private static int floor(SizeClass sizeClass) {
    return sizeClass.minUsers() == null ? 0 : sizeClass.minUsers();
  }

  /**
   * The size class of a tenant (null: the tenant-less part): the one configured for it, or the one
   * whose user bounds fit (of several, the one with the highest lower bound); none when the user
   * count is unknown and no class is configured.
   */
  public String sizeClass(String tenantId, Integer users) {
    TenantSettings settings = tenant(tenantId);
    if (settings != null && settings.sizeClass() != null) {
      return settings.sizeClass();
    }
    if (users == null) {
      return null; // the identity service cannot tell (LDAP, say): the global norms, not the
      // smallest class's
    }
    // where bounds overlap (a class's bounds changed, not its neighbour's) the class starting at
    // more users wins
    SizeClass chosen = null;
    for (SizeClass sizeClass : sizeClasses.values()) {
      if (sizeClass.fits(users) && (chosen == null || floor(sizeClass) > floor(chosen))) {
        chosen = sizeClass;
      }
    }
    return chosen == null ? null : chosen.name();
  }

  /**
   * What is configured for a tenant (null: the tenant-less part, {@code withoutTenant}), or null.
   */
  public TenantSettings tenant(String tenantId) {
    return tenantId == null ? withoutTenant : tenants.get(tenantId);
  }

  /**
   * The norm of an indicator for a tenant (null: the tenant-less part): global, size class,
   * profile, its own.
   */
  public Norm norm(Indicator indicator, String tenantId, String sizeClass) {
    Norm norm = norms.get(indicator);
    SizeClass size = sizeClass == null ? null : sizeClasses.get(sizeClass);
    norm = override(norm, size == null ? null : size.norms(), indicator);
    TenantSettings settings = tenant(tenantId);
    if (settings != null && settings.profile() != null) {
      norm = override(norm, profiles.get(settings.profile()), indicator);
    }
    return override(norm, settings == null ? null : settings.norms(), indicator);
  }

  private static Norm override(
      Norm norm, Map<String, ReportSettings.NormSettings> overrides, Indicator indicator) {
    ReportSettings.NormSettings override = overrides == null ? null : overrides.get(indicator.id());
    return override == null ? norm : norm.with(override);
  }

  public int weight(Indicator indicator) {
    return weights.get(indicator);
  }

  public int healthyFrom() {
    return healthyFrom;
  }

  public int attentionFrom() {
    return attentionFrom;
  }

  /**
   * How many clients of a size class must have a value before a percentile bound applies; with
   * fewer, the fixed bound does.
   */
  public int minPeers() {
    return minPeers;
  }

  /** Whether any norm, anywhere, is relative to the other clients of a size class. */
  public boolean relative() {
    for (Norm norm : norms.values()) {
      if (norm.relative()) {
        return true;
      }
    }
    List<Map<String, ReportSettings.NormSettings>> overrides = new ArrayList<>(profiles.values());
    for (SizeClass sizeClass : sizeClasses.values()) {
      overrides.add(sizeClass.norms());
    }
    for (TenantSettings tenant : tenants.values()) {
      overrides.add(tenant.norms());
    }
    if (withoutTenant != null) {
      overrides.add(withoutTenant.norms());
    }
    for (Map<String, ReportSettings.NormSettings> byIndicator : overrides) {
      for (ReportSettings.NormSettings norm : byIndicator.values()) {
        if (norm.getMinPercentile() != null || norm.getMaxPercentile() != null) {
          return true;
        }
      }
    }
    return false;
  }

  public double warningMargin() {
    return warningMargin;
  }

  public int reasons() {
    return reasons;
  }

  public int stuckAfterDays() {
    return stuckAfterDays;
  }

  public int unassignedAfterDays() {
    return unassignedAfterDays;
  }

  public long deadBranchMinRuns() {
    return deadBranchMinRuns;
  }

  public int detailsLimit() {
    return detailsLimit;
  }

  /**
   * What is configured but probably not meant, to be logged at start: user counts that no size
   * class covers (a class's bounds changed without its neighbour's), whose tenants get the global
   * norms instead of a class's.
   */
  public List<String> warnings() {
    List<SizeClass> byFloor = new ArrayList<>(sizeClasses.values());
    byFloor.sort(Comparator.comparingInt(ReportConfig::floor));
    List<String> gaps = new ArrayList<>();
    long covered = -1; // every count up to this one fits a class
    for (SizeClass sizeClass : byFloor) {
      if (covered == Long.MAX_VALUE) {
        break; // an open-ended class covers everything above it
      }
      int from = floor(sizeClass);
      if (from > covered + 1) {
        gaps.add(users(covered + 1, from - 1L));
      }
      long to = sizeClass.maxUsers() == null ? Long.MAX_VALUE : sizeClass.maxUsers();
      covered = Math.max(covered, to);
    }
    if (covered < Long.MAX_VALUE) {
      gaps.add((covered + 1) + " users and more");
    }
    return gaps.isEmpty()
        ? List.of()
        : List.of(
            "report: tenants with "
                + String.join(", ", gaps)
                + " fit no size class (sizeClasses' minUsers and maxUsers) and get the global norms");
  }

  private static String users(long from, long to) {
    return from == to ? from + (from == 1 ? " user" : " users") : from + " to " + to + " users";
  }

  /** The size classes, in the order they are tried. */
  public Map<String, SizeClass> sizeClasses() {
    return Collections.unmodifiableMap(sizeClasses);
  }
}
