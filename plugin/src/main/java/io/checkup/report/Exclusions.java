package io.checkup.report;

import java.util.Set;

/**
 * What is not a client and is left out of the report, and so of the history, alerts and metrics
 * built from it: tenants by id ({@code checkup.report.exclude-tenants}) and the tenant-less part
 * ({@code checkup.report.exclude-without-tenant}).
 */
public record Exclusions(Set<String> tenants, boolean withoutTenant) {

  public static final Exclusions NONE = new Exclusions(Set.of(), false);

  public Exclusions {
    tenants = Set.copyOf(tenants);
  }

  /** Whether a tenant (null: the tenant-less part) is left out. */
  public boolean excludes(String tenantId) {
    return tenantId == null ? withoutTenant : tenants.contains(tenantId);
  }
}
