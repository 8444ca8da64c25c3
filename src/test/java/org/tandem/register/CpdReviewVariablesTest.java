package org.tandem.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.common.FormValues;
import org.tandem.common.InvalidInputException;
import org.tandem.support.LifecycleDriverJson;

class CpdReviewVariablesTest {

  @Test
  @DisplayName("REG-2 the evidence form's list reads as CPD entries; blank items are left out")
  void evidence_list() {
    Map<String, Object> blank = new HashMap<>();
    blank.put("kind", "");
    blank.put("description", " ");
    FormValues form = FormValues.of(Map.of("evidence", LifecycleDriverJson.list(
        Map.of("kind", "PRACTICE_HOURS", "occurredOn", "2026-01-10", "hours", 5, "description", "Coaching"),
        blank,
        Map.of("kind", "SUPERVISION", "occurredOn", "2026-02-01", "description", "Group supervision"))));

    assertThat(CpdReviewVariables.evidence(form).toList()).containsExactly(
        new CpdEntry(null, CpdEntry.Kind.PRACTICE_HOURS, LocalDate.of(2026, 1, 10), BigDecimal.valueOf(5),
            "Coaching", null),
        new CpdEntry(null, CpdEntry.Kind.SUPERVISION, LocalDate.of(2026, 2, 1), null, "Group supervision", null));
  }

  @Test
  @DisplayName("REG-2 an item of evidence without its kind is refused with the field named")
  void evidence_without_kind() {
    FormValues form = FormValues.of(Map.of("evidence", LifecycleDriverJson.list(
        Map.of("occurredOn", "2026-01-10", "description", "Reading"))));

    assertThatThrownBy(() -> CpdReviewVariables.evidence(form).toList())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
  }

  @Test
  @DisplayName("REG-2 no evidence list, no entries")
  void no_evidence() {
    assertThat(CpdReviewVariables.evidence(FormValues.of(Map.of())).toList()).isEmpty();
  }
}
