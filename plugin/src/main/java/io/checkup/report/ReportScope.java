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

  /**
   * The most tenants a scope names in the report's queries. A larger one, a partner's member of
   * thousands of tenants, is read as all tenants and cut in Java: a statement names the scope's
   * tenants once per table it reads (up to five times), PostgreSQL's driver takes at most 65,535
   * parameters a statement, so 13,108 tenants made the report fail there, and H2 took 40 s to read
   * 14,000.
   */
  static final int MOST_NAMED_IN_QUERIES = 1_000;

  /** The scope the report's queries read: this one, or all tenants when it names very many. */
  ReportScope forQueries() {
    return tenants != null && tenants.size() > MOST_NAMED_IN_QUERIES ? all() : this;
  }

  /** The tenants (null for all). */
  public Set<String> tenants() {
    return tenants;
  }
}
