package org.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.contracting.SessionFormat;
import org.tandem.register.Specialism;
import org.tandem.relationship.Kind;

class FitTest {

  @Test
  @DisplayName("MAT-2 the ranking explains itself in the client's terms")
  void reasons() {
    CoachingRequest request = EligibleCoachesTest.request(Kind.COACHING, Specialism.CAREER_DEVELOPMENT,
        SessionFormat.VIRTUAL, "leeds", null, Set.of());

    assertThat(Fit.reasons(request, true, false, true, 1, 4)).containsExactly(
        "offers your specialism: career development", "does not offer virtual sessions", "works in Leeds",
        "has 1 of 4 clients at the moment");
    assertThat(Fit.reasons(EligibleCoachesTest.coaching(), false, false, false, 0, 2))
        .containsExactly("has no clients at the moment");
  }

  @Test
  @DisplayName("MAT-2 a specialism outweighs format or location alone; a full load costs two points")
  void weights() {
    assertThat(Fit.score(true, false, false, 0, 3)).isGreaterThan(Fit.score(false, true, false, 0, 3));
    assertThat(Fit.score(false, true, true, 0, 3)).isGreaterThan(Fit.score(true, false, false, 0, 3));
    assertThat(Fit.score(false, false, false, 2, 2)).isEqualTo(-2);
    assertThat(Fit.score(false, false, false, 1, 2)).isEqualTo(-1);
  }
}
