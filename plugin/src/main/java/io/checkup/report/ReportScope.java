package io.checkup.report;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which tenants a report covers: all of them, or a set (which may include the tenant-less part,
 * written as null).
 */
public final class ReportScope {

  private final Set<String> tenants;

  private ReportScope(Set<String> tenants) {
    this.tenants = tenants;
  }

  /** Every tenant and the tenant-less part. */
  public static ReportScope all() {
    return new ReportScope(null);
  }

  /** These tenants; null in the collection stands for the tenant-less part. */
  public static ReportScope of(Collection<String> tenantIds) {
    return new ReportScope(new LinkedHashSet<>(tenantIds));
  }

  public boolean isAll() {
    return tenants == null;
  }

  public boolean includes(String tenantId) {
    return tenants == null || tenants.contains(tenantId);
  }

  /** The tenants (null for all). */
  public Set<String> tenants() {
    return tenants;
  }
}
