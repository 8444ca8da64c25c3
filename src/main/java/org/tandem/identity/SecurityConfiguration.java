package org.tandem.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda's users; no or wrong credentials get
 *   401. Each request runs as its user, so Camunda's authorizations decide what they see. The Cockpit plugins' reads
 *   of {@code /api/programme/**} may instead come with the webapps' login ({@link WebappSessionAuthentication}).</li>
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): the webapps' own login, sessions and CSRF protection.</li>
 *   <li>Writes to both refuse a browser's request from another site ({@link CrossSiteRequests}).</li>
 *   <li>Answers carry {@code X-Content-Type-Options}, {@code Referrer-Policy: same-origin} and a content security
 *   policy (the webapps' own, and {@link #API_CONTENT_SECURITY_POLICY}); {@code Strict-Transport-Security} where the
 *   request came over TLS (see the README).</li>
 *   <li>{@code /actuator/health}: open, for load balancers and container health checks. Everything else: 401,
 *   without a Basic challenge, so a browser shows no login dialog of its own.</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  /**
   * For the API's answers and its browsable description: nothing from elsewhere, no framing, no plugins. JSON needs
   * none of it; the description's page needs its own scripts, styles and images.
   */
  static final String API_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /** Matches the whole path, whichever servlet serves it (engine REST is a Jersey servlet beside Spring MVC). */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ProcessEngine engine)
      throws Exception {
    return http
        .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        // stateless, and a request authenticated by the webapps' session leaves that session as it was
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // no session cookie to forge a request with; a browser's remembered Basic login is refused cross-site
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterBefore(new CrossSiteRequests(), BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthentication(identityService, engine.getName()),
            BasicAuthenticationFilter.class)
        .headers(headers -> headers
            .referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)))
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/camunda/**"), path("/"), path("/error"), path("/actuator/health"),
                path("/actuator/health/**"), path("/webjars/echarts/**")).permitAll()
            .anyRequest().authenticated())
        // a plain 401: a Basic challenge here would pop up a browser login dialog over the webapps' own login page,
        // whose scripts probe paths such as /camunda-welcome before anyone has logged in
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // the webapps protect themselves with their own CSRF filter, session cookie and content security policy
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers
            .referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }
}
