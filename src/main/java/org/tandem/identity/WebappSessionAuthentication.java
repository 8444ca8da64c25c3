package org.tandem.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of Cockpit read the product's API as the person logged in to the webapps, without asking for their
 * password again: only reads ({@code GET}, {@code HEAD}) of the paths {@link #READ_PATHS} names, only without an
 * {@code Authorization} header, and only from a session the webapps' own login created. The person's groups are read
 * afresh from the identity service, so a change in Admin counts at once. Writes need HTTP Basic, except those of the
 * view "Migrations" ({@link #WRITE_PATHS}), which carry the session's CSRF token as Cockpit's own writes do.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

  /** The API paths the Cockpit plugins read. */
  static final List<String> READ_PATHS = List.of("/api/programme/", "/api/models");
  /**
   * The API paths the Cockpit plugins change (the view "Migrations"): only with the webapps' own CSRF token of the
   * session in the header {@code X-XSRF-TOKEN}, as Cockpit sends it with its own writes.
   */
  static final List<String> WRITE_PATHS = List.of("/api/models/");
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private final IdentityService identityService;
  private final String engineName;

  WebappSessionAuthentication(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = webappUser(request);
    if (userId != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      SecurityContextHolder.getContext()
          .setAuthentication(CamundaIdentityAuthenticationProvider.authenticated(identityService, userId));
    }
    chain.doFilter(request, response);
  }

  /** Whether the request carries the session's CSRF token, compared in constant time. */
  private static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    String sent = request.getHeader(CSRF_HEADER);
    return expected instanceof String token && sent != null && MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private String webappUser(HttpServletRequest request) {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || (read ? READ_PATHS : WRITE_PATHS).stream().noneMatch(path::startsWith)) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null || (!read && !tokenMatches(request, session))) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return null;
    }
    return identityService.createUserQuery().userId(user.getIdentityId()).count() == 1 ? user.getIdentityId() : null;
  }
}
