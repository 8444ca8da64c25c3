package org.tandem.access;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tandem.identity.Callers;

/**
 * Stands in front of engine REST, both where integrations call it ({@code /engine-rest}) and where Tasklist and
 * Cockpit call it ({@code /camunda/api/engine}). Reads pass to the engine, whose authorizations decide what each
 * caller sees. Every write is checked against {@link EngineRestRules} before the engine sees it, so a refused request
 * writes nothing; and every error the engine answers is rewritten as a problem detail without internals
 * ({@link EngineRestProblems}).
 */
final class EngineRestFirewall extends OncePerRequestFilter {

  /** The largest request body a write may carry. */
  static final int MAX_BODY = 1024 * 1024;
  /** Headers that would make a request act as another method, which the rules could not see. */
  static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
      "X-Method-Override");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final EngineRestRules rules;
  private final EngineRestProblems problems;

  EngineRestFirewall(EngineRestRules rules, EngineRestProblems problems) {
    this.rules = rules;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    Optional<EngineRestPath> path;
    try {
      path = EngineRestPath.of(uri);
    } catch (Refusal refusal) {
      problems.refuse(response, refusal);
      return;
    }
    if (path.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<EngineRestRules.Caller> caller = caller(request, path.get());
    boolean admin = caller.map(EngineRestRules.Caller::admin).orElse(false);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    HttpServletRequest checked = request;
    if (!EngineRestRules.SAFE_METHODS.contains(method)) {
      try {
        checked = check(request, method, path.get(), caller);
      } catch (Refusal refusal) {
        problems.refuse(response, refusal);
        return;
      }
    } else if (METHOD_OVERRIDES.stream().anyMatch(header -> request.getHeader(header) != null)) {
      problems.refuse(response, Refusal.badRequest(null, "A request is made with its own method only."));
      return;
    }
    EngineRestProblems.Rewriting rewriting = problems.rewriting(response, admin);
    try {
      chain.doFilter(checked, rewriting);
    } finally {
      rewriting.finish();
    }
  }

  private HttpServletRequest check(HttpServletRequest request, String method, EngineRestPath path,
      Optional<EngineRestRules.Caller> caller) throws IOException {
    if (caller.isEmpty()) {
      throw new Refusal(401, "Log in first.", null);
    }
    if (path.engine() == null) {
      throw Refusal.forbidden("This operation is not offered.");
    }
    if (METHOD_OVERRIDES.stream().anyMatch(header -> request.getHeader(header) != null)) {
      throw Refusal.badRequest(null, "A request is made with its own method only.");
    }
    EngineRestRules.Route route = EngineRestRules.route(method, path)
        .orElseThrow(() -> Refusal.forbidden("This operation is not offered."));
    if (route.kind().needsBody()) {
      byte[] body = body(request);
      rules.check(caller.get(), route, path, parse(request, body));
      return new ReplayedBody(request, body);
    }
    rules.check(caller.get(), route, path, null);
    return request;
  }

  private static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw new Refusal(413, "The request is too large.", null);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        throw new Refusal(413, "The request is too large.", null);
      }
      return body;
    }
  }

  /** The body as the engine's JSON reader would read it; anything it could read otherwise is refused. */
  private static JsonNode parse(HttpServletRequest request, byte[] body) {
    if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    String contentType = request.getContentType();
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)
        || (type.getCharset() != null && !type.getCharset().name().equalsIgnoreCase("UTF-8"))) {
      throw new Refusal(415, "Send the request as JSON in UTF-8.", null);
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw Refusal.badRequest(null, "The request is not valid JSON, or names a field twice.");
    }
  }

  /** The caller engine REST will run the request as, if any. */
  private static Optional<EngineRestRules.Caller> caller(HttpServletRequest request, EngineRestPath path) {
    if (path.webapp()) {
      HttpSession session = request.getSession(false);
      if (session == null || path.engine() == null) {
        return Optional.empty();
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      if (!(authentications.getAuthenticationForProcessEngine(path.engine()) instanceof UserAuthentication user)) {
        return Optional.empty();
      }
      Set<String> groups = user.getGroupIds() == null ? Set.of() : new LinkedHashSet<>(user.getGroupIds());
      return Optional.of(new EngineRestRules.Caller(user.getName(), groups));
    }
    org.springframework.security.core.Authentication authentication =
        SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    Set<String> groups = new LinkedHashSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      Callers.group(authority).ifPresent(groups::add);
    }
    return Optional.of(new EngineRestRules.Caller(authentication.getName(), groups));
  }
}
