package org.tandem.identity;

import org.springframework.security.core.Authentication;

/** Who is calling the product's API, as Spring Security authenticated them against Camunda's identity. */
public final class Callers {

  private Callers() {
  }

  public static boolean hasRole(Authentication caller, String role) {
    return caller != null && caller.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + role));
  }

  public static boolean isCoordinator(Authentication caller) {
    return hasRole(caller, Roles.COORDINATORS);
  }
}
