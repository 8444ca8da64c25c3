package org.tandem;

import org.tandem.support.TandemSpringBootTest;

/** The smoke test on the default profile's H2 database, with the README's demo users. */
@TandemSpringBootTest
class H2ApplicationSmokeTest extends ApplicationSmokeTest {

  @Override
  Login coordinator() {
    return new Login("cora", "demo");
  }

  @Override
  Login coach() {
    return new Login("colin", "demo");
  }

  @Override
  Login otherCoach() {
    return new Login("chloe", "demo");
  }

  @Override
  Login client() {
    return new Login("clara", "demo");
  }
}
