package org.tandem.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling the product's API, as Spring Security authenticated them against Camunda's identity. */
public final class Callers {

  private Callers() {
  }

  public static boolean hasRole(Authentication caller, String role) {
    return caller != null && caller.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + role));
  }

  /** The Camunda group an authority stands for, if it stands for one. */
  public static Optional<String> group(GrantedAuthority authority) {
    String name = authority.getAuthority();
    return name != null && name.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX)
        ? Optional.of(name.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
        : Optional.empty();
  }

  public static boolean isCoordinator(Authentication caller) {
    return hasRole(caller, Roles.COORDINATORS);
  }
}
