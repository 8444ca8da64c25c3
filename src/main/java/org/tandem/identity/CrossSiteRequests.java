package org.tandem.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that changes something when a browser made it for another site (Fetch Metadata, or the Origin
 * where a browser sends no Fetch Metadata). The API and engine REST take HTTP Basic and no session cookie, but a
 * browser remembers Basic credentials and would send them with a forged form; this closes that door. Callers that are
 * not browsers (curl, integrations) send neither header and are not affected.
 */
class CrossSiteRequests extends OncePerRequestFilter {

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && crossSite(request)) {
      byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"A request from another site cannot change anything here.\","
          + "\"message\":\"A request from another site cannot change anything here.\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json");
      response.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    try {
      URI from = URI.create(origin);
      String host = request.getHeader("Host");
      return from.getHost() == null || host == null
          || !host.equalsIgnoreCase(from.getHost() + (from.getPort() < 0 ? "" : ":" + from.getPort()));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
