package org.tandem.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service, so the engine REST API and the product's
 * API know exactly the users and groups that Admin manages. A group becomes the authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    return authenticated(identityService, userId);
  }

  /** A user the identity service knows, authenticated with their groups as authorities, read afresh. */
  static Authentication authenticated(IdentityService identityService, String userId) {
    List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
