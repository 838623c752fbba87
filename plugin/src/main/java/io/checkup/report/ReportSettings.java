package io.checkup.report;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The report's configuration as written: a JSON file or inline JSON (read by Jackson), or Spring
 * Boot properties under {@code checkup.report.settings} (bound by Spring's own Binder, which takes
 * kebab case as well). Every field is optional; {@link ReportConfig} applies what is given to the
 * documented defaults and checks it. The structure is documented in docs/report.md.
 */
public class ReportSettings {

  private Map<String, NormSettings> norms = new LinkedHashMap<>();
  private Map<String, Integer> weights = new LinkedHashMap<>();
  private Map<String, SizeClassSettings> sizeClasses = new LinkedHashMap<>();
  private Map<String, ProfileSettings> profiles = new LinkedHashMap<>();
  private Map<String, TenantSettings> tenants = new LinkedHashMap<>();
  private TenantSettings withoutTenant;
  private RiskSettings risk;
  private Double warningMargin;
  private Integer reasons;
  private Integer stuckAfterDays;
  private Integer unassignedAfterDays;
  private Long deadBranchMinRuns;
  private Integer detailsLimit;
  private Integer minPeers;

  /**
   * A norm override: a field that is given replaces the default's, {@code null} removes it, one not
   * given is kept.
   */
  public static class NormSettings {
    private final Set<String> given = new HashSet<>();
    private Double min;
    private Double max;
    private Integer minAfterAgeDays;
    private Double minShareOfUsers;
    private Double minPercentile;
    private Double maxPercentile;
    private Boolean off;

    boolean given(String field) {
      return given.contains(field);
    }

    public Double getMin() {
      return min;
    }

    public void setMin(Double min) {
      this.min = min;
      given.add("min");
    }

    public Double getMax() {
      return max;
    }

    public void setMax(Double max) {
      this.max = max;
      given.add("max");
    }

    public Integer getMinAfterAgeDays() {
      return minAfterAgeDays;
    }

    public void setMinAfterAgeDays(Integer minAfterAgeDays) {
      this.minAfterAgeDays = minAfterAgeDays;
      given.add("minAfterAgeDays");
    }

    public Double getMinShareOfUsers() {
      return minShareOfUsers;
    }

    public void setMinShareOfUsers(Double minShareOfUsers) {
      this.minShareOfUsers = minShareOfUsers;
      given.add("minShareOfUsers");
    }

    public Double getMinPercentile() {
      return minPercentile;
    }

    /** Below this percentile of the size class's clients is out of norm (0 to 100, exclusive). */
    public void setMinPercentile(Double minPercentile) {
      this.minPercentile = minPercentile;
      given.add("minPercentile");
    }

    public Double getMaxPercentile() {
      return maxPercentile;
    }

    /** Above this percentile of the size class's clients is out of norm (0 to 100, exclusive). */
    public void setMaxPercentile(Double maxPercentile) {
      this.maxPercentile = maxPercentile;
      given.add("maxPercentile");
    }

    public Boolean getOff() {
      return off;
    }

    public void setOff(Boolean off) {
      this.off = off;
      given.add("off");
    }
  }

  /**
   * A size class: chosen by the tenant's user count, {@code [minUsers, maxUsers]}, unless set per
   * tenant.
   */
  public static class SizeClassSettings {
    private final Set<String> given = new HashSet<>();
    private Integer minUsers;
    private Integer maxUsers;
    private Map<String, NormSettings> norms;

    boolean given(String field) {
      return given.contains(field);
    }

    public Integer getMinUsers() {
      return minUsers;
    }

    public void setMinUsers(Integer minUsers) {
      this.minUsers = minUsers;
      given.add("minUsers");
    }

    public Integer getMaxUsers() {
      return maxUsers;
    }

    public void setMaxUsers(Integer maxUsers) {
      this.maxUsers = maxUsers;
      given.add("maxUsers");
    }

    public Map<String, NormSettings> getNorms() {
      return norms;
    }

    public void setNorms(Map<String, NormSettings> norms) {
      this.norms = norms;
    }
  }

  /** A profile: norms for a kind of business (a call centre, say), given to tenants by name. */
  public static class ProfileSettings {
    private Map<String, NormSettings> norms = new LinkedHashMap<>();

    public Map<String, NormSettings> getNorms() {
      return norms;
    }

    public void setNorms(Map<String, NormSettings> norms) {
      this.norms = norms;
    }
  }

  /** What is configured for one tenant, or for the tenant-less part. */
  public static class TenantSettings {
    private String sizeClass;
    private String plan;
    private String profile;
    private Map<String, NormSettings> norms = new LinkedHashMap<>();

    public String getSizeClass() {
      return sizeClass;
    }

    public void setSizeClass(String sizeClass) {
      this.sizeClass = sizeClass;
    }

    public String getPlan() {
      return plan;
    }

    public void setPlan(String plan) {
      this.plan = plan;
    }

    public String getProfile() {
      return profile;
    }

    public void setProfile(String profile) {
      this.profile = profile;
    }

    public Map<String, NormSettings> getNorms() {
      return norms;
    }

    public void setNorms(Map<String, NormSettings> norms) {
      this.norms = norms;
    }
  }

  /** The score thresholds of the risk levels. */
  public static class RiskSettings {
    private Integer healthy;
    private Integer attention;

    public Integer getHealthy() {
      return healthy;
    }

    public void setHealthy(Integer healthy) {
      this.healthy = healthy;
    }

    public Integer getAttention() {
      return attention;
    }

    public void setAttention(Integer attention) {
      this.attention = attention;
    }
  }

  public Map<String, NormSettings> getNorms() {
    return norms;
  }

  public void setNorms(Map<String, NormSettings> norms) {
    this.norms = norms;
  }

  public Map<String, Integer> getWeights() {
    return weights;
  }

  public void setWeights(Map<String, Integer> weights) {
    this.weights = weights;
  }

  public Map<String, SizeClassSettings> getSizeClasses() {
    return sizeClasses;
  }

  public void setSizeClasses(Map<String, SizeClassSettings> sizeClasses) {
    this.sizeClasses = sizeClasses;
  }

  public Map<String, ProfileSettings> getProfiles() {
    return profiles;
  }

  public void setProfiles(Map<String, ProfileSettings> profiles) {
    this.profiles = profiles;
  }

  public Map<String, TenantSettings> getTenants() {
    return tenants;
  }

  public void setTenants(Map<String, TenantSettings> tenants) {
    this.tenants = tenants;
  }

  public TenantSettings getWithoutTenant() {
    return withoutTenant;
  }

  public void setWithoutTenant(TenantSettings withoutTenant) {
    this.withoutTenant = withoutTenant;
  }

  public RiskSettings getRisk() {
    return risk;
  }

  public void setRisk(RiskSettings risk) {
    this.risk = risk;
  }

  public Double getWarningMargin() {
    return warningMargin;
  }

  public void setWarningMargin(Double warningMargin) {
    this.warningMargin = warningMargin;
  }

  public Integer getReasons() {
    return reasons;
  }

  public void setReasons(Integer reasons) {
    this.reasons = reasons;
  }

  public Integer getStuckAfterDays() {
    return stuckAfterDays;
  }

  public void setStuckAfterDays(Integer stuckAfterDays) {
    this.stuckAfterDays = stuckAfterDays;
  }

  public Integer getUnassignedAfterDays() {
    return unassignedAfterDays;
  }

  public void setUnassignedAfterDays(Integer unassignedAfterDays) {
    this.unassignedAfterDays = unassignedAfterDays;
  }

  public Long getDeadBranchMinRuns() {
    return deadBranchMinRuns;
  }

  public void setDeadBranchMinRuns(Long deadBranchMinRuns) {
    this.deadBranchMinRuns = deadBranchMinRuns;
  }

  public Integer getDetailsLimit() {
    return detailsLimit;
  }

  public void setDetailsLimit(Integer detailsLimit) {
    this.detailsLimit = detailsLimit;
  }

  public Integer getMinPeers() {
    return minPeers;
  }

  public void setMinPeers(Integer minPeers) {
    this.minPeers = minPeers;
  }
}
