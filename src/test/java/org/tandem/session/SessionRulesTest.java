package org.tandem.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.common.InvalidInputException;

class SessionRulesTest {

  @Test
  @DisplayName("SES-1 the total hours follow from the start and end time")
  void hours() {
    assertThat(SessionRules.hours(LocalTime.of(10, 0), LocalTime.of(11, 30))).isEqualByComparingTo("1.50");
    assertThat(SessionRules.hours(LocalTime.of(9, 15), LocalTime.of(11, 15))).isEqualByComparingTo(BigDecimal.valueOf(2));
    assertThat(SessionRules.hours(LocalTime.of(9, 0), LocalTime.of(9, 20))).isEqualByComparingTo("0.33");
  }

  @Test
  @DisplayName("SES-1 a session that ends before it starts is refused")
  void end_before_start() {
    assertThatThrownBy(() -> SessionRules.hours(LocalTime.of(11, 0), LocalTime.of(10, 0)))
        .isInstanceOf(InvalidInputException.class).hasMessage("The session must end after it starts.");
  }

  @Test
  @DisplayName("SES-1 a session cannot be recorded before the day it is held")
  void held_in_the_future() {
    assertThatThrownBy(() -> SessionRules.checkHeldOn(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 4)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("SES-4 a change with less notice than agreed is late, with the notice or more it is not")
  void lateness() {
    Instant planned = Instant.parse("2026-03-10T10:00:00Z");
    assertThat(SessionRules.late(planned.minus(Duration.ofHours(47)), planned, 48)).isTrue();
    assertThat(SessionRules.late(planned.minus(Duration.ofHours(48)), planned, 48)).isFalse();
    assertThat(SessionRules.late(planned.minus(Duration.ofHours(30)), planned, 24)).isFalse();
  }

  @Test
  @DisplayName("SES-4 the coach is reminded once the grace period after the planned end has passed")
  void grace_period() {
    assertThat(SessionRules.recordDueBy(Instant.parse("2026-03-10T10:00:00Z"), 90, Duration.ofDays(7)))
        .isEqualTo(Instant.parse("2026-03-17T11:30:00Z"));
  }
}
