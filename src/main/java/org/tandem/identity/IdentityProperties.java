package org.tandem.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who can log in from the first start.
 *
 * @param admin the administrator created on first start
 * @param demoUsers whether to create the documented demo users (one or more per role); never in production
 * @param demoPassword the password of every demo user
 */
@ConfigurationProperties("tandem.identity")
record IdentityProperties(@DefaultValue Admin admin, boolean demoUsers, @DefaultValue("demo") String demoPassword) {

  /**
   * @param id the administrator's user id
   * @param password the administrator's password, set when the user is created
   * @param refuseDefaultPassword refuse to start while the password is empty or one of the well-known defaults
   */
  record Admin(@DefaultValue("admin") String id, String password, boolean refuseDefaultPassword) {
  }
}
