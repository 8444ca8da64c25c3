package org.tandem.privacy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of {@code records-retention} (DP-3). */
@Configuration(proxyBeanMethods = false)
class RetentionDelegates {

  /** {@code Task_DisposeExpired} of {@code records-retention}: every night, the records past their retention period go (DP-3). */
  @Bean
  JavaDelegate disposeExpiredRecords(Retention retention) {
    return (DelegateExecution execution) -> retention.disposeOfExpired();
  }
}
