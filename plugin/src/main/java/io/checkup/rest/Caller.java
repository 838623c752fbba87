package io.checkup.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is asking, as Camunda's REST authentication established it: nobody (authentication is off: everything is
 * visible, as in the rest of Camunda's REST API), an administrator (member of {@code camunda-admin} or of the
 * engine's configured admin groups, or a configured admin user: every tenant), or a user who sees exactly the tenants
 * they are a member of, directly or through a group. The tenant-less part is for administrators.
 */
final class Caller {

  private final Set<String> tenants;

  private Caller(Set<String> tenants) {
    this.tenants = tenants;
  }

  static Caller of(ProcessEngine engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || isAdmin(engine, authentication)) {
      return new Caller(null);
    }
    List<String> tenantIds = authentication.getTenantIds();
    if (tenantIds == null) {
      tenantIds = engine.getIdentityService().createTenantQuery().userMember(authentication.getUserId())
          .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    }
    return new Caller(new HashSet<>(tenantIds));
  }

  private static boolean isAdmin(ProcessEngine engine, Authentication authentication) {
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration) {
      List<String> adminGroups = configuration.getAdminGroups();
      if (adminGroups != null && groups.stream().anyMatch(adminGroups::contains)) {
        return true;
      }
      List<String> adminUsers = configuration.getAdminUsers();
      return adminUsers != null && adminUsers.contains(authentication.getUserId());
    }
    return false;
  }

  /** The tenants visible, or null for all (and the tenant-less part). */
  Set<String> sees() {
    return tenants;
  }

  /** Whether this tenant (null: the tenant-less part) is visible. */
  boolean canSee(String tenantId) {
    return tenants == null || (tenantId != null && tenants.contains(tenantId));
  }
}
