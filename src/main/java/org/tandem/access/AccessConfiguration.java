package org.tandem.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link EngineRestFirewall} in front of both doors to engine REST, after Spring Security has authenticated
 * the caller and before the webapps' and Jersey's own filters.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessConfiguration {

  /** After Spring Security's filter chain (-100), before the filters the webapps register for themselves. */
  static final int FIREWALL_ORDER = 0;

  @Bean
  FilterRegistrationBean<EngineRestFirewall> engineRestFirewall(DeployedForms forms, EngineRestProblems problems) {
    FilterRegistrationBean<EngineRestFirewall> registration =
        new FilterRegistrationBean<>(new EngineRestFirewall(new EngineRestRules(forms), problems));
    registration.addUrlPatterns(EngineRestPath.ENGINE_REST + "/*", EngineRestPath.WEBAPP_ENGINE + "/*");
    registration.setName("engineRestFirewall");
    registration.setOrder(FIREWALL_ORDER);
    return registration;
  }
}
