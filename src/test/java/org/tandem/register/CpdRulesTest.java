package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

class CpdRulesTest {

  final RegisterSettings defaults = new Binder().bindOrCreate("tandem.register", RegisterSettings.class);

  @Test
  @DisplayName("REG-2 a coach shows 12 hours of practice, 2 supervision sessions and 2 CPD activities a year")
  void requirement() {
    assertThat(CpdRules.shortfalls(true, BigDecimal.valueOf(12), 2, 2, defaults)).isEmpty();
    assertThat(CpdRules.shortfalls(true, new BigDecimal("10.5"), 1, 0, defaults)).containsExactly(
        "1.5 more hours of coaching practice", "1 more supervision sessions", "2 more CPD activities");
  }

  @Test
  @DisplayName("REG-2 mentors have no minimum")
  void mentors() {
    assertThat(CpdRules.shortfalls(false, BigDecimal.ZERO, 0, 0, defaults)).isEmpty();
  }

  @Test
  @DisplayName("REG-2 the minimums and the review date are settings with the policy's defaults")
  void defaults() {
    assertThat(defaults.cpdHours()).isEqualTo(12);
    assertThat(defaults.cpdSupervision()).isEqualTo(2);
    assertThat(defaults.cpdActivities()).isEqualTo(2);
    assertThat(new RegisterTimers(defaults).cpdReviewCycle()).isEqualTo("0 0 6 1 4 ?");
    assertThat(new RegisterTimers(defaults).cpdGracePeriod()).isEqualTo("PT720H");
  }
}
