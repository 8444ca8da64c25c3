package org.tandem;

import org.tandem.support.TandemSpringBootTest;

/** The smoke test on the default profile's H2 database, with the README's demo users. */
@TandemSpringBootTest
class H2ApplicationSmokeTest extends ApplicationSmokeTest {

  H2ApplicationSmokeTest() {
    super(new Users(new Login("cora", "demo"), new Login("colin", "demo"), new Login("chloe", "demo"),
        new Login("clara", "demo")));
  }
}
