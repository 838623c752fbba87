package io.checkup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The check-up's norms, size classes, profiles, per-tenant settings, risk weights and thresholds: the documented
 * defaults, with whatever the operator's configuration (a JSON file, inline JSON, or Spring Boot properties under
 * {@code checkup.report.settings}) changes. The structure is documented in docs/report.md.
 */
public final class ReportConfig {

  /** Where the tenant-less part is configured: a key of its own, since any text can be a tenant id. */
  public static final String WITHOUT_TENANT = "withoutTenant";

  private static final Set<String> TOP_LEVEL = Set.of("norms", "weights", "sizeClasses", "profiles", "tenants",
      WITHOUT_TENANT, "risk", "warningMargin", "reasons", "stuckAfterDays", "unassignedAfterDays", "deadBranchMinRuns",
      "detailsLimit");

  /** A size class: chosen by the tenant's user count, {@code [minUsers, maxUsers]}, unless set per tenant. */
  public record SizeClass(String name, Integer minUsers, Integer maxUsers, JsonNode norms) {
    boolean fits(int users) {
      return (minUsers == null || users >= minUsers) && (maxUsers == null || users <= maxUsers);
    }
  }

  /** What is configured for one tenant. */
  public record TenantSettings(String sizeClass, String plan, String profile, JsonNode norms) {
  }

  private final Map<Indicator, Norm> norms = new EnumMap<>(Indicator.class);
  private final Map<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
  private final Map<String, SizeClass> sizeClasses = new LinkedHashMap<>();
  private final Map<String, JsonNode> profiles = new LinkedHashMap<>();
  private final Map<String, TenantSettings> tenants = new LinkedHashMap<>();
  private TenantSettings withoutTenant;
  private int healthyFrom = 80;
  private int attentionFrom = 50;
  private double warningMargin = 0.2;
  private int reasons = 3;
  private int stuckAfterDays = 30;
  private int unassignedAfterDays = 3;
  private long deadBranchMinRuns = 100;
  private int detailsLimit = 50;

  private ReportConfig() {
    for (Indicator indicator : Indicator.values()) {
      norms.put(indicator, indicator.norm());
      weights.put(indicator, indicator.weight());
    }
    ObjectMapper json = new ObjectMapper();
    sizeClasses.put("small", new SizeClass("small", null, 9,
        json.createObjectNode().set("capability.experiments", json.createObjectNode().put("off", true))));
    sizeClasses.put("medium", new SizeClass("medium", 10, 99, json.createObjectNode()));
    sizeClasses.put("large", new SizeClass("large", 100, null,
        json.createObjectNode().set("launches.7d", json.createObjectNode().put("min", 10_000).put("max", 100_000))));
    profiles.put("call-centre",
        json.createObjectNode().set("tasks.per-user-7d", json.createObjectNode().put("max", 400)));
  }

  /** The documented defaults. */
  public static ReportConfig defaults() {
    return new ReportConfig();
  }

  /**
   * The defaults changed by a configuration file's content (JSON) and then by inline JSON; either may be null.
   *
   * @param fileName names the file in error messages
   * @throws IllegalArgumentException naming the file (or "reportConfig") and the key when something is wrong
   */
  public static ReportConfig load(String fileName, String fileContent, String inlineJson) {
    ReportConfig config = new ReportConfig();
    config.applyText(fileName, fileContent);
    config.applyText("reportConfig", inlineJson);
    return config;
  }

  private void applyText(String source, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    try {
      apply(new ObjectMapper().readTree(text), source);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("report configuration " + source + ": not valid JSON: "
          + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
    }
  }

  /** Field names as Spring Boot users write them in properties and YAML (kebab case) and as they are in JSON. */
  private static final Map<String, String> KEBAB_CASE = Map.ofEntries(Map.entry("size-classes", "sizeClasses"),
      Map.entry("size-class", "sizeClass"), Map.entry("min-users", "minUsers"), Map.entry("max-users", "maxUsers"),
      Map.entry("min-after-age-days", "minAfterAgeDays"), Map.entry("min-share-of-users", "minShareOfUsers"),
      Map.entry("warning-margin", "warningMargin"), Map.entry("stuck-after-days", "stuckAfterDays"),
      Map.entry("unassigned-after-days", "unassignedAfterDays"),
      Map.entry("dead-branch-min-runs", "deadBranchMinRuns"), Map.entry("details-limit", "detailsLimit"));

  private static void camelCase(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      for (String name : new java.util.ArrayList<>(iterableNames(object))) {
        JsonNode child = object.get(name);
        camelCase(child);
        String camel = KEBAB_CASE.get(name);
        if (camel != null && !object.has(camel)) {
          object.remove(name);
          object.set(camel, child);
        }
      }
    }
  }

  private static java.util.List<String> iterableNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void apply(JsonNode root, String source) {
    if (root == null || root.isNull() || root.isMissingNode()) {
      return;
    }
    camelCase(root);
    if (!root.isObject()) {
      throw new IllegalArgumentException("report configuration " + source + ": expected a JSON object");
    }
    for (String key : names(root)) {
      if (!TOP_LEVEL.contains(key)) {
        throw new IllegalArgumentException("report configuration " + source + ": unknown key '" + key
            + "' (known: " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)) + ")");
      }
    }
    String at = "report configuration " + source + ": ";
    if (root.has("norms")) {
      JsonNode overrides = object(root.get("norms"), at + "norms");
      checkIndicators(overrides, at + "norms");
      for (Indicator indicator : Indicator.values()) {
        if (overrides.has(indicator.id())) {
          norms.put(indicator, norms.get(indicator).with(object(overrides.get(indicator.id()),
              at + "norms." + indicator.id()), at + "norms." + indicator.id()));
        }
      }
    }
    if (root.has("weights")) {
      JsonNode given = object(root.get("weights"), at + "weights");
      checkIndicators(given, at + "weights");
      for (String id : names(given)) {
        weights.put(Indicator.of(id), nonNegative(given.get(id), at + "weights." + id));
      }
    }
    if (root.has("sizeClasses")) {
      JsonNode classes = object(root.get("sizeClasses"), at + "sizeClasses");
      for (String name : names(classes)) {
        String where = at + "sizeClasses." + name;
        JsonNode spec = object(classes.get(name), where);
        only(spec, where, "minUsers", "maxUsers", "norms");
        SizeClass known = sizeClasses.get(name);
        Integer min = spec.has("minUsers") ? optionalInt(spec.get("minUsers"), where + ".minUsers")
            : known == null ? null : known.minUsers();
        Integer max = spec.has("maxUsers") ? optionalInt(spec.get("maxUsers"), where + ".maxUsers")
            : known == null ? null : known.maxUsers();
        JsonNode classNorms = spec.has("norms") ? normOverrides(spec.get("norms"), where + ".norms")
            : known == null ? new ObjectMapper().createObjectNode() : known.norms();
        sizeClasses.put(name, new SizeClass(name, min, max, classNorms));
      }
    }
    if (root.has("profiles")) {
      JsonNode given = object(root.get("profiles"), at + "profiles");
      for (String name : names(given)) {
        String where = at + "profiles." + name;
        JsonNode spec = object(given.get(name), where);
        only(spec, where, "norms");
        profiles.put(name, normOverrides(spec.has("norms") ? spec.get("norms") : null, where + ".norms"));
      }
    }
    if (root.has("tenants")) {
      JsonNode given = object(root.get("tenants"), at + "tenants");
      for (String tenant : names(given)) {
        tenants.put(tenant, tenantSettings(given.get(tenant), at + "tenants." + tenant));
      }
    }
    if (root.has(WITHOUT_TENANT)) {
      withoutTenant = tenantSettings(root.get(WITHOUT_TENANT), at + WITHOUT_TENANT);
    }
    if (root.has("risk")) {
      JsonNode risk = object(root.get("risk"), at + "risk");
      only(risk, at + "risk", "healthy", "attention");
      if (risk.has("healthy")) {
        healthyFrom = nonNegative(risk.get("healthy"), at + "risk.healthy");
      }
      if (risk.has("attention")) {
        attentionFrom = nonNegative(risk.get("attention"), at + "risk.attention");
      }
      if (attentionFrom > healthyFrom || healthyFrom > 100) {
        throw new IllegalArgumentException(at + "risk: expected 0 <= attention <= healthy <= 100, got attention "
            + attentionFrom + " and healthy " + healthyFrom);
      }
    }
    if (root.has("warningMargin")) {
      warningMargin = Norm.number(root.get("warningMargin"), at + "warningMargin");
    }
    if (root.has("reasons")) {
      reasons = nonNegative(root.get("reasons"), at + "reasons");
    }
    if (root.has("stuckAfterDays")) {
      stuckAfterDays = nonNegative(root.get("stuckAfterDays"), at + "stuckAfterDays");
    }
    if (root.has("unassignedAfterDays")) {
      unassignedAfterDays = nonNegative(root.get("unassignedAfterDays"), at + "unassignedAfterDays");
    }
    if (root.has("deadBranchMinRuns")) {
      deadBranchMinRuns = nonNegative(root.get("deadBranchMinRuns"), at + "deadBranchMinRuns");
    }
    if (root.has("detailsLimit")) {
      detailsLimit = nonNegative(root.get("detailsLimit"), at + "detailsLimit");
    }
  }

  private TenantSettings tenantSettings(JsonNode node, String where) {
    JsonNode spec = object(node, where);
    only(spec, where, "sizeClass", "plan", "profile", "norms");
    String sizeClass = text(spec.get("sizeClass"));
    if (sizeClass != null && !sizeClasses.containsKey(sizeClass)) {
      throw new IllegalArgumentException(where + ".sizeClass: unknown size class '" + sizeClass + "' (known: "
          + String.join(", ", sizeClasses.keySet()) + ")");
    }
    String profile = text(spec.get("profile"));
    if (profile != null && !profiles.containsKey(profile)) {
      throw new IllegalArgumentException(where + ".profile: unknown profile '" + profile + "' (known: "
          + String.join(", ", profiles.keySet()) + ")");
    }
    return new TenantSettings(sizeClass, text(spec.get("plan")), profile,
        normOverrides(spec.has("norms") ? spec.get("norms") : null, where + ".norms"));
  }

  private static JsonNode normOverrides(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return new ObjectMapper().createObjectNode();
    }
    JsonNode given = object(node, where);
    checkIndicators(given, where);
    for (String id : names(given)) {
      Norm.NONE.with(object(given.get(id), where + "." + id), where + "." + id);
    }
    return given;
  }

  private static void checkIndicators(JsonNode node, String where) {
    for (String id : names(node)) {
      if (Indicator.of(id) == null) {
        throw new IllegalArgumentException(where + ": unknown indicator '" + id + "' (see docs/report.md)");
      }
    }
  }

  private static void only(JsonNode node, String where, String... allowed) {
    Set<String> known = Set.of(allowed);
    for (String key : names(node)) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: "
            + String.join(", ", allowed) + ")");
      }
    }
  }

  private static JsonNode object(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object");
    }
    return node;
  }

  private static Iterable<String> names(JsonNode node) {
    Iterator<String> names = node.fieldNames();
    return () -> names;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static int nonNegative(JsonNode node, String where) {
    Double value = Norm.number(node, where);
    if (value == null || value < 0 || value != Math.floor(value)) {
      throw new IllegalArgumentException(where + " must be a whole number of at least 0, not " + node);
    }
    return value.intValue();
  }

  private static Integer optionalInt(JsonNode node, String where) {
    return node == null || node.isNull() ? null : nonNegative(node, where);
  }

  // ---- what the report asks ----

  private static int floor(SizeClass sizeClass) {
    return sizeClass.minUsers() == null ? 0 : sizeClass.minUsers();
  }

  /**
   * The size class of a tenant (null: the tenant-less part): the one configured for it, or the one whose user bounds fit (of several, the one
   * with the highest lower bound); none when the user count is unknown and no class is configured.
   */
  public String sizeClass(String tenantId, Integer users) {
    TenantSettings settings = tenant(tenantId);
    if (settings != null && settings.sizeClass() != null) {
      return settings.sizeClass();
    }
    if (users == null) {
      return null; // the identity service cannot tell (LDAP, say): the global norms, not the smallest class's
    }
    // where bounds overlap (a class's bounds changed, not its neighbour's) the class starting at more users wins
    SizeClass chosen = null;
    for (SizeClass sizeClass : sizeClasses.values()) {
      if (sizeClass.fits(users) && (chosen == null || floor(sizeClass) > floor(chosen))) {
        chosen = sizeClass;
      }
    }
    return chosen == null ? null : chosen.name();
  }

  /** What is configured for a tenant (null: the tenant-less part, {@code withoutTenant}), or null. */
  public TenantSettings tenant(String tenantId) {
    return tenantId == null ? withoutTenant : tenants.get(tenantId);
  }

  /** The norm of an indicator for a tenant (null: the tenant-less part): global, size class, profile, its own. */
  public Norm norm(Indicator indicator, String tenantId, String sizeClass) {
    Norm norm = norms.get(indicator);
    SizeClass size = sizeClass == null ? null : sizeClasses.get(sizeClass);
    if (size != null && size.norms().has(indicator.id())) {
      norm = norm.with(size.norms().get(indicator.id()), "sizeClasses." + sizeClass);
    }
    TenantSettings settings = tenant(tenantId);
    String tenantKey = tenantId == null ? WITHOUT_TENANT : "tenants." + tenantId;
    if (settings != null && settings.profile() != null && profiles.get(settings.profile()).has(indicator.id())) {
      norm = norm.with(profiles.get(settings.profile()).get(indicator.id()), "profiles." + settings.profile());
    }
    if (settings != null && settings.norms().has(indicator.id())) {
      norm = norm.with(settings.norms().get(indicator.id()), tenantKey);
    }
    return norm;
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

  /** The size classes, in the order they are tried. */
  public Map<String, SizeClass> sizeClasses() {
    return java.util.Collections.unmodifiableMap(sizeClasses);
  }
}
