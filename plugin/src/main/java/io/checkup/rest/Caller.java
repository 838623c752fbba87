package io.checkup.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Who is asking, as Camunda's REST authentication established it: nobody (authentication is off:
 * everything is visible, as in the rest of Camunda's REST API), an administrator (member of {@code
 * camunda-admin} or of the engine's configured admin groups, or a configured admin user: every
 * tenant), or a user who sees exactly the tenants they are a member of, directly or through a
 * group. The tenant-less part is for administrators.
 */
public final class Caller {

  private final Set<String> tenants;

  private Caller(Set<String> tenants) {
    this.tenants = tenants;
  }

  public static Caller of(ProcessEngine engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null || isAdministrator(engine, authentication)) {
      return new Caller(null);
    }
    List<String> tenantIds = authentication.getTenantIds();
    if (tenantIds == null) {
      tenantIds =
          engine
              .getIdentityService()
              .createTenantQuery()
              .userMember(authentication.getUserId())
              .includingGroupsOfUser(true)
              .list()
              .stream()
              .map(Tenant::getId)
              .toList();
    }
    return new Caller(new HashSet<>(tenantIds));
  }

  /**
   * The name of another engine on which Camunda's filter authenticated this request's caller, when
   * the engine asked has no authentication of its own; null otherwise. An engine without
   * authentication means "authentication off" to {@link #of}, so a request authenticated elsewhere
   * must not be answered as if it were.
   */
  static String authenticatedElsewhere(ProcessEngine engine) {
    if (engine.getIdentityService().getCurrentAuthentication() != null) {
      return null;
    }
    ProcessEngineProvider provider;
    try {
      provider = EngineUtil.getProcessEngineProvider();
    } catch (RuntimeException noProvider) {
      return null;
    }
    for (String name : provider.getProcessEngineNames()) {
      ProcessEngine other = name.equals(engine.getName()) ? null : provider.getProcessEngine(name);
      if (other != null && other.getIdentityService().getCurrentAuthentication() != null) {
        return name;
      }
    }
    return null;
  }

  /**
   * Whether the authenticated user is an administrator of {@code engine}: a member of {@code
   * camunda-admin} or of the engine's admin groups, or one of its admin users.
   */
  public static boolean isAdministrator(ProcessEngine engine, Authentication authentication) {
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    if (engine.getProcessEngineConfiguration()
        instanceof ProcessEngineConfigurationImpl configuration) {
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
  public Set<String> sees() {
    return tenants;
  }

  /** Whether this tenant (null: the tenant-less part) is visible. */
  public boolean canSee(String tenantId) {
    return tenants == null || (tenantId != null && tenants.contains(tenantId));
  }
}
